import { negate } from '#shared/domain/execution/counters.ts';
import { correctionRefusal } from '#shared/domain/execution/posting-makers.ts';
import { broken } from '#shared/domain/execution/rules/lookups.ts';
import type { PostingRule } from '#shared/domain/execution/rules/rule.ts';
import type { StoredResult } from '#shared/domain/execution/snapshot.ts';
import type { WorkingState } from '#shared/domain/execution/working-state.ts';
import { nonZero, reversalOf } from '#shared/domain/ledger/journal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Correction (practice: 정정, by reversal rather than by editing the books): negates an applied
 * posting's recorded effects and swaps its journal lines, dated on the correction's date, so the
 * same counter rules decide whether it may apply (a resolution already ordered cannot be reversed
 * before its order). Once per posting, within its fiscal year, never of a correction, only by a role
 * that may make the original's kind (posting-makers.ts), and never of cash the treasury bank moved:
 * not of a payment, receipt or refund, nor of a document paid or received against (its payments
 * come back by 반납, its receipts go out by 환급). A resolution whose orders were paid keeps its
 * orders (`order-within-resolution`), and they keep their payments.
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
  const notPermitted = correctionRefusal(original.kind, original.postingId, message.actor.role);
  if (notPermitted) return notPermitted;
  if (state.isReversed(gov, original.postingId)) return broken('already-corrected', `posting ${original.postingId} was already corrected`);
  const moved = cashMovedAgainst(original, state);
  if (moved) return moved;
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

/** The document the original created, when the treasury bank has paid or received cash against it. */
function cashMovedAgainst(original: StoredResult, state: WorkingState): Refusal | undefined {
  const created = original.effects.find((effect) => effect.target.type === 'doc' && effect.target.docId === original.postingId);
  const document = created && state.item(created.target);
  if (!document) return undefined;
  const { paid = 0, received = 0 } = document.counters;
  if (paid <= 0 && received <= 0) return undefined;
  const instead = paid > 0 ? '반납 (지방회계법 제27조) of what was paid' : '과오납 환급 (지방회계법 제28조) of what was received';
  return broken(
    'bank-confirmed',
    `the ${document.kind} ${original.postingId} has cash the treasury bank ${paid > 0 ? 'paid' : 'received'} against it and cannot be corrected: use ${instead}`,
    { originalPostingId: original.postingId, originalKind: original.kind, paid, received, instead },
  );
}
