import { counterRefusal } from '#shared/domain/execution/counters.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { acceptedAt, postingDateRefusal } from '#shared/domain/execution/posting-date.ts';
import { postingRules } from '#shared/domain/execution/rules/index.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { Applied, PostingRule } from '#shared/domain/execution/rules/rule.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

export type { Applied } from '#shared/domain/execution/rules/rule.ts';

export interface Rejected {
  readonly status: 'rejected';
  readonly refusal: Refusal;
}

export type Decision = Applied | Rejected;

const rejected = (refusal: Refusal): Rejected => ({ status: 'rejected', refusal });

/**
 * Judges one posting against the working state: its date, the rule of its kind (rules/index.ts),
 * then the counter invariants (items.ts) on every item it moves. Returns the effects and journal
 * lines it makes, or the refusal with the rule and the numbers. Pure: the planner applies the effects.
 * Source: practice: the order of the checks (date window, the kind's rule, the counter invariants of domain.md).
 */
export function evaluate(message: PostingMessage, state: WorkingState): Decision {
  const misdated = postingDateRefusal(message, state, acceptedAt(message));
  if (misdated) return rejected(misdated);
  // The table pairs each kind with its rule; TypeScript cannot follow that pairing through the lookup.
  const rule = postingRules[message.command.kind] as PostingRule<typeof message.command.kind>;
  const decision = rule(message, message.command, state);
  if (isRefusal(decision)) return rejected(decision);
  // Documents first: their rule (e.g. refund-within-receipt) is the more specific reason.
  const documentsFirst = [...decision.effects].sort((a, b) => Number(b.target.type === 'doc') - Number(a.target.type === 'doc'));
  for (const effect of documentsFirst) {
    const breach = counterRefusal(state.afterEffect(effect).before, effect.deltas);
    if (breach) return rejected(breach);
  }
  return decision;
}
