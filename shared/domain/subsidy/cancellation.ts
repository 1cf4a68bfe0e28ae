import { beyondDecided } from '#shared/domain/subsidy/decision.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 교부결정 취소 — the grounds the head may cancel a decision on, whole or in part:
 * - 사정변경 (보조금법 §11①②): after the decision, 천재지변 or another change of circumstances made the
 *   사업 (or part of it) unnecessary; never for the part already performed (§11① 단서);
 * - 법령 위반 등 (§12①): 1 use for another purpose, 2 breach of law, 조례, the decision or an order,
 *   3 a false application or other fraud, 4 another ground a 조례 sets.
 * - 철회 간주 (§36의2③ 후단): the objector to the decision's content did not accept the decision on
 *   its objection in time; the whole decision lapses (the use case checks that it did).
 * The §12 grounds count towards exclusion (§32① 1–3) and allow a 제재부가금 (§35①1).
 */
export const cancellationGrounds = {
  circumstances: '보조금법 §11①②',
  'other-use': '보조금법 §12①1',
  violation: '보조금법 §12①2',
  fraud: '보조금법 §12①3',
  ordinance: '보조금법 §12①4',
  withdrawn: '보조금법 §36의2③ 후단',
} as const;
export type CancellationGround = keyof typeof cancellationGrounds;

export interface CancellationFacts {
  readonly ground: string;
  /** The part of the decision cancelled (won). */
  readonly amount: number;
  /** The decision as it stands (earlier cancellations already taken off). */
  readonly decided: number;
  readonly paid: number;
  /** Grant money the recipient has spent on the 사업 (the part performed). */
  readonly spentGrant: number;
  /** Interest the paid part earned (보조금법 §31①). */
  readonly interest: number;
}

export interface Cancellation {
  readonly ground: CancellationGround;
  readonly article: string;
  readonly decidedAfter: number;
  /** The cancelled part not yet paid: released from the commitment. */
  readonly unpaidReleased: number;
  /** The cancelled part already paid plus its interest: ordered back (보조금법 §31①). */
  readonly returnDue: number;
}

const isGround = (ground: string): ground is CancellationGround => Object.hasOwn(cancellationGrounds, ground);

/**
 * The cancelled part comes off the unpaid money first: only what the reduced decision no longer
 * covers of the money already paid is returned, with its interest (§31①).
 */
export function cancel(facts: CancellationFacts): Refusal | Cancellation {
  if (!isGround(facts.ground)) {
    return refusal('unprocessable', 'cancellation-ground-not-allowed', `${facts.ground} is not a ground for cancelling a decision`, {
      rule: 'ground ∈ 보조금법 §11②, §12①, §36의2③',
      ground: facts.ground,
      allowedGrounds: Object.keys(cancellationGrounds),
    });
  }
  if (facts.amount > facts.decided) {
    return beyondDecided(facts.amount, facts.decided, {
      code: 'cancellation-exceeds-grant',
      detail: 'the part cancelled is more than the decision holds',
      rule: 'cancelled ≤ decided',
    });
  }
  const unperformed = Math.max(0, facts.decided - facts.spentGrant);
  if (facts.ground === 'circumstances' && facts.amount > unperformed) {
    return refusal(
      'unprocessable',
      'cancellation-of-performed-part',
      'a change of circumstances does not cancel the part already performed',
      {
        rule: 'cancelled ≤ decided − spent (보조금법 §11① 단서)',
        requested: facts.amount,
        available: unperformed,
        numbers: { decided: facts.decided, spentGrant: facts.spentGrant },
      },
    );
  }
  const decidedAfter = facts.decided - facts.amount;
  const unpaid = Math.max(0, facts.decided - facts.paid);
  const paidBack = Math.max(0, facts.paid - decidedAfter);
  return {
    ground: facts.ground,
    article: cancellationGrounds[facts.ground],
    decidedAfter,
    unpaidReleased: Math.min(facts.amount, unpaid),
    returnDue: paidBack > 0 ? paidBack + facts.interest : 0,
  };
}

/**
 * What the grant's commitment still holds: the decision as first made, less what each cancellation
 * released from it (the `reduce` posting, 지출원인행위 감액). Cancellations recorded before that posting
 * existed released nothing unless the whole commitment went (`released` with nothing paid).
 */
export function commitmentHeld(
  decided: number,
  cancellations: readonly {
    readonly decidedBefore: number;
    readonly unpaidReleased: number;
    readonly commitment: { readonly status: string };
  }[],
): number {
  const first = cancellations[0]?.decidedBefore ?? decided;
  const released = cancellations.filter((c) => c.commitment.status === 'released').reduce((sum, c) => sum + c.unpaidReleased, 0);
  return first - released;
}
