import { negate } from '#shared/domain/execution/counters.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import { nonZero, reversalOf } from '#shared/domain/ledger/journal.ts';

/**
 * Correction (practice: 정정, by reversal rather than by editing the books): negates an applied
 * posting's recorded effects and swaps its journal lines, dated on the correction's date, so the
 * same counter rules decide whether it may apply (a resolution already ordered cannot be reversed
 * before its order). Once per posting, within its fiscal year, never of a correction.
 */
export const correct: PostingRule<'correct'> = (message, command, state) => {
  const { gov, year } = message;
  const original = state.storedResult(gov, command.originalPostingId);
  if (original?.status !== 'applied') {
    return broken('original-not-applied', `posting ${command.originalPostingId} was not applied`, {
      originalPostingId: command.originalPostingId,
    });
  }
  if (original.kind === 'correct') return broken('cannot-correct-a-correction', 'a correction is itself corrected by a new posting');
  if (original.year !== year) {
    return broken('wrong-year', `posting ${original.postingId} belongs to fiscal year ${original.year}`, {
      year,
      originalYear: original.year,
    });
  }
  if (state.isReversed(gov, original.postingId)) return broken('already-corrected', `posting ${original.postingId} was already corrected`);
  const firstLine = original.effects.find((effect) => effect.target.type === 'line')?.target;
  const fund = original.journal?.fund ?? '';
  return {
    status: 'applied',
    lineId: firstLine?.type === 'line' ? firstLine.lineId : message.lineId,
    fund,
    amount: original.amount,
    effects: original.effects.map((effect) => ({ target: effect.target, kind: effect.kind, deltas: negate(effect.deltas) })),
    journal: {
      fund,
      date: command.date,
      lines: nonZero(reversalOf(original.journal?.lines ?? [])),
      ...(original.journal?.cash ? { cash: original.journal.cash } : {}),
    },
    reverses: original.postingId,
  };
};
