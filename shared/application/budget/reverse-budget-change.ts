import { afterYearEndRefusal, componentOf, moveRefusal, recodingRefusal } from '#shared/domain/budget/budget-change.ts';
import type { ChangeKind } from '#shared/domain/budget/budget-change.ts';
import { lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { recodingReversalJournal } from '#shared/domain/budget/recoding-journal.ts';
import { refusal, Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { reversalAudit, reversalOf } from '#shared/application/reversal-of.ts';
import type { ReversalAsked } from '#shared/application/reversal-of.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import {
  changeLineOf,
  changeReversal,
  decisionDateOf,
  requireAuthority,
  reversalRecord,
} from '#shared/application/budget/budget-change-context.ts';
import type { RecodingBooks } from '#shared/application/budget/recode.ts';
import { reversePreEstablishedLine } from '#shared/application/budget/reverse-pre-established-line.ts';
import { notSyncing } from '#shared/stores/budget/allotments.ts';
import { getChange, moveBudget, moveExecuted, putChange } from '#shared/stores/budget/changes.ts';
import type { BudgetChange } from '#shared/stores/budget/changes.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { parseChangeId } from '#shared/stores/budget/keys.ts';

/**
 * Takes a change back with a reversal that references it (never an edit): the amount goes back
 * from the target to the source under the same balance rule (the target gives only what it has
 * neither allotted nor committed; a recoding only what the right line has paid). At most one
 * reversal; repeating it with the same reference and reason replays it. A 성립전예산 is reversed
 * by removing the lines it created, before anything rests on them (reverse-pre-established-line.ts).
 *
 * A 과목경정's reversal also reverses its journal (recodingReversalJournal: the mirror of the
 * recoding's, dated on the reversal's decision date), kept on the reversal record (which names the
 * recoding in `reverses`) and written through the same books wiring in the same transaction.
 */
export async function reverseBudgetChange(request: RequestInfo, asked: ReversalAsked, books: RecodingBooks): Promise<Posted<BudgetChange>> {
  const { gov, year, originalId, reference, reason } = asked;
  const parsed = parseChangeId(originalId);
  const decisionDate = decisionDateOf(request.receivedAt);
  const found = parsed ? await getChange(gov, year, parsed.kind, parsed.reference) : undefined;
  if (!found) throw new Refused(refusal('not-found', 'change-not-found', `no budget change ${originalId} in ${gov}/${year}`));
  if (found.kind === 'pre-established') return reversePreEstablishedLine(request, asked, found);
  return reversalOf({
    ...changeReversal(asked, found),
    attempt: async (original, { reversalId, reversalReference }) => {
      const from = original.from as string; // only a 성립전예산 has no source, and it is reversed above
      const late = afterYearEndRefusal(original.kind, year, decisionDate);
      if (late) return late;
      const [source, target] = await Promise.all([getLineControl(gov, year, original.to), getLineControl(gov, year, from)]);
      if (!source) return lineNotControlled(gov, year, original.to);
      if (!target) return lineNotControlled(gov, year, from);
      await requireAuthority(request, gov, original.kind as ChangeKind);
      const recoding = original.kind === 'recoding';
      const refused = recoding
        ? recodingRefusal(changeLineOf(source), changeLineOf(target), original.amount)
        : moveRefusal(changeLineOf(source), changeLineOf(target), original.amount);
      if (refused) return refused;
      const { journal: recoded, ...kept } = original;
      const journal = recoding && recoded ? recodingReversalJournal(recoded, decisionDate) : undefined;
      const reversal: BudgetChange = {
        ...reversalRecord(request, kept, { reversalId, reversalReference }, { reference, reason }),
        from: original.to,
        to: from,
        ...(journal ? { journal } : {}),
      };
      const component = componentOf[original.kind];
      return {
        posting: reversal,
        items: {
          source: recoding ? moveExecuted(gov, year, source, -original.amount) : moveBudget(gov, year, source, component, -original.amount),
          target: recoding ? moveExecuted(gov, year, target, original.amount) : moveBudget(gov, year, target, component, original.amount),
          posting: putChange(gov, year, reversalReference, reversal),
          notSyncing: notSyncing(gov, year),
          ...(journal
            ? await books(gov, year, journal, {
                changeId: reversalId,
                amount: original.amount,
                date: decisionDate,
                from: source,
                to: target,
                reverses: original.changeId,
              })
            : {}),
          audit: reversalAudit(request, asked, 'budgetChange.reverse', 'budget-change'),
        },
      };
    },
    contention: (_original, attempts) =>
      refusal('conflict', 'change-contention', `lines of ${originalId} changed during ${attempts} attempts; retry`),
  });
}
