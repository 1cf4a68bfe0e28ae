import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { broken, documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * 지출원인행위 감액 (지방회계법 제29조: the 재무관 who made the commitment changes it; practice): part of a
 * commitment the payee will no longer be paid — a 보조금 교부결정 cut by a cancellation (보조금법 제11조,
 * 제12조) or fixed lower at 금액 확정 (제19조) — is released back to the line's allotment, whether or
 * not the commitment has payments (the `cancel` posting refuses those). Never more than is neither
 * resolved nor cancelled: committed falls by at most amount − resolved, so every 지출결의, 지급명령 and
 * payment already made on it stays covered. No journal line: a commitment is not an accounting event.
 */
export const reduce: PostingRule<'reduce'> = (message, command, state) => {
  const commitment = documentOf(message, state, command.commitmentId, 'commitment');
  if (isRefusal(commitment)) return commitment;
  const line = lineOf(message, state, String(commitment.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const { amount = 0, resolved = 0, cancelled = 0 } = commitment.counters;
  if (cancelled > 0) return broken('commitment-already-cancelled', `commitment ${command.commitmentId} is cancelled`);
  const unresolved = amount - resolved;
  if (command.amount > unresolved) {
    return broken(
      'reduction-within-unresolved',
      `commitment ${command.commitmentId}: only ${unresolved} is neither resolved nor released`,
      { requested: command.amount, available: unresolved, numbers: { amount, resolved } },
    );
  }
  return applied(
    line,
    command.date,
    command.amount,
    [lineEffect(line, { committed: -command.amount }), docEffect(commitment, { amount: -command.amount, reduced: command.amount })],
    [],
  );
};
