import { applied, docEffect, lineEffect } from '#shared/domain/execution/rules/effects.ts';
import { broken, documentOf, lineOf } from '#shared/domain/execution/rules/lookups.ts';
import { isRefusal } from '#shared/domain/execution/rules/rule.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';

/**
 * Cancellation of a commitment (practice: 지출원인행위 취소): releases the part not yet resolved back
 * to the line's allotment, once, and never for a commitment that has payments. No journal line.
 */
export const cancel: PostingRule<'cancel'> = (message, command, state) => {
  const commitment = documentOf(message, state, command.commitmentId, 'commitment');
  if (isRefusal(commitment)) return commitment;
  const line = lineOf(message, state, String(commitment.attrs.lineId), 'expenditure');
  if (isRefusal(line)) return line;
  const { amount = 0, resolved = 0, paid = 0, cancelled = 0 } = commitment.counters;
  if (paid > 0) return broken('commitment-has-payments', `commitment ${command.commitmentId} has payments`, { paid });
  if (cancelled > 0) return broken('commitment-already-cancelled', `commitment ${command.commitmentId} is cancelled`);
  const release = amount - resolved;
  if (release <= 0) {
    return broken('nothing-to-release', `commitment ${command.commitmentId} is fully resolved`, { amount, resolved });
  }
  return applied(
    line,
    command.date,
    release,
    [lineEffect(line, { committed: -release }), docEffect(commitment, { amount: -release, cancelled: 1 })],
    [],
  );
};
