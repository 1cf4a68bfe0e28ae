import { afterYearEndRefusal } from '#shared/domain/budget/budget-change.ts';
import { lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { preEstablishedReversalRefusal } from '#shared/domain/budget/pre-established-reversal.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { reversalAudit, reversalOf } from '#shared/application/reversal-of.ts';
import type { ReversalAsked } from '#shared/application/reversal-of.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { changeReversal, decisionDateOf, reversalRecord, requireAuthority } from '#shared/application/budget/budget-change-context.ts';
import { lineAllotments, notSyncing } from '#shared/stores/budget/allotments.ts';
import { putChange, removeCreatedControl } from '#shared/stores/budget/changes.ts';
import type { BudgetChange } from '#shared/stores/budget/changes.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { addToCurrentBudget } from '#shared/stores/budget/current-budget.ts';
import { closePendingPostings, readPendingPostings } from '#shared/stores/budget/pending-postings.ts';

/**
 * Takes back a 성립전예산 (지방재정법 §45) before anything rests on it (pre-established-reversal.ts):
 * its 세출 line and matching 세입 line are removed, each only if still exactly as created (every
 * counter 0, 예산현액 the granted amount, no allotment ever posted, no accepted posting pending on it:
 * stores/budget/pending-postings.ts), in one transaction with the reversal record (naming the
 * original in `reverses`, amount negative) and the audit record; no control sync may be running.
 * A 성립전예산 writes no journal (it is budget, not a transaction of the books), so none is reversed.
 * Replays and the one-reversal rule are the budget reversals' (reversal-of.ts).
 */
export function reversePreEstablishedLine(
  request: RequestInfo,
  asked: ReversalAsked,
  original: BudgetChange,
): Promise<Posted<BudgetChange>> {
  const { gov, year, reference, reason } = asked;
  const decisionDate = decisionDateOf(request.receivedAt);
  const revenueLineId = String(original.grant?.revenueLineId ?? '');
  return reversalOf({
    ...changeReversal(asked, original),
    attempt: async (change, { reversalId, reversalReference }) => {
      const late = afterYearEndRefusal('pre-established', year, decisionDate);
      if (late) return late;
      const [line, revenue] = await Promise.all([getLineControl(gov, year, change.to), getLineControl(gov, year, revenueLineId)]);
      if (!line) return lineNotControlled(gov, year, change.to);
      if (!revenue) return lineNotControlled(gov, year, revenueLineId);
      await requireAuthority(request, gov, 'pre-established');
      // what rests on the lines besides their counters: postings accepted, not yet applied, and allotment records
      const [pendingSpending, pendingRevenue, allotments] = await Promise.all([
        readPendingPostings(gov, year, change.to),
        readPendingPostings(gov, year, revenueLineId),
        lineAllotments(gov, year, change.to),
      ]);
      const refused = preEstablishedReversalRefusal(
        [
          { ...line, pending: pendingSpending, allotments: allotments.length },
          { ...revenue, pending: pendingRevenue },
        ],
        change.amount,
      );
      if (refused) return refused;
      const reversal = reversalRecord(request, change, { reversalId, reversalReference }, { reference, reason });
      return {
        posting: reversal,
        items: {
          expenditure: removeCreatedControl(gov, year, change.to, change.amount),
          revenue: removeCreatedControl(gov, year, revenueLineId, change.amount),
          // an acceptance on either line now fails; one that landed first makes this fail, then refused
          pendingSpending: closePendingPostings(gov, year, change.to, request.receivedAt),
          pendingRevenue: closePendingPostings(gov, year, revenueLineId, request.receivedAt),
          current: addToCurrentBudget(gov, year, line.fund, -change.amount, 'change'),
          posting: putChange(gov, year, reversalReference, reversal),
          notSyncing: notSyncing(gov, year),
          audit: reversalAudit(request, asked, 'budgetChange.reverse', 'budget-change'),
        },
      };
    },
    // a line that moved since it was read (a posting or change landed first) is read again, then refused
    contention: (change, attempts) =>
      refusal('conflict', 'change-contention', `the lines of ${change.changeId} changed during ${attempts} attempts; retry`),
  });
}
