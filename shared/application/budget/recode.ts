import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { afterYearEndRefusal, diversionRefusal, recodingRefusal, reserveLineRefusal } from '#shared/domain/budget/budget-change.ts';
import { lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { authorisingClause, transferNotAuthorised } from '#shared/domain/budget/general-provisions.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { recodingJournal } from '#shared/domain/budget/recoding-journal.ts';
import type { JournalledLine } from '#shared/domain/budget/recoding-journal.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import {
  changeLineOf,
  decisionDateOf,
  finalProvisions,
  quarterOf,
  requireAuthority,
} from '#shared/application/budget/budget-change-context.ts';
import { projectNotInBudget } from '#shared/application/budget/post-budget-move.ts';
import type { MoveRequest } from '#shared/application/budget/post-budget-move.ts';
import { notSyncing } from '#shared/stores/budget/allotments.ts';
import { getChange, moveExecuted, putChange } from '#shared/stores/budget/changes.ts';
import type { BudgetChange } from '#shared/stores/budget/changes.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { changeId } from '#shared/stores/budget/keys.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/** What the books need of a recoding (or its reversal) beside its journal: the change and its two lines. */
export interface RecodingMove {
  readonly changeId: string;
  readonly amount: number;
  readonly date: string;
  readonly from: JournalledLine;
  readonly to: JournalledLine;
  /** A reversal: the recoding it undoes. */
  readonly reverses?: string;
}

/**
 * Writes a recoding's journal into the accrual books' running balances and moves the asset
 * acquisitions the journal moves (wired in shared/wiring/recoding-books.ts), as items of the
 * recoding's own transaction.
 */
export type RecodingBooks = (
  gov: string,
  year: number,
  journal: JournalEntry,
  move: RecodingMove,
) => Promise<Record<string, TransactItem | readonly TransactItem[]>>;

/**
 * 과목경정 (practice [U]: no article found; execution-rules.md §1.5): an amount already executed on
 * a wrongly coded line is moved, within the year and with a reason, to the right line. The counters
 * move in one TransactWrite — an equal amount off committed, resolved, ordered and paid of the
 * wrong line and onto the right one (so every document's open balance stays where it is), the
 * right line keeping committed ≤ allotted — and the change is recorded as an auditable posting.
 * It is not a hidden 전용 or 이용: inside one 정책사업 the 전용 table applies, across 정책사업 an
 * 예산총칙 clause must allow the pair.
 *
 * The accrual books follow in the same transaction (recoding-journal.ts): the expense booked under
 * the wrong 통계목's account is reversed and booked under the right one's, dated on the decision
 * date; the journal is kept on the change record, whose `from` names the original line. The
 * documents (DOC#) keep their original line id. Asset purchases the journal moves off (or onto) an
 * asset account move in the register's acquisitions in the same transaction (the books wiring).
 */
export async function recode(
  request: RequestInfo,
  gov: string,
  year: number,
  input: MoveRequest,
  books: RecodingBooks,
): Promise<Posted<BudgetChange>> {
  const id = changeId('recoding', input.reference);
  const decisionDate = decisionDateOf(request.receivedAt);
  let clause: string | undefined;
  return post({
    stored: () => getChange(gov, year, 'recoding', input.reference),
    sameRequest: (stored) =>
      stored.from === input.from && stored.to === input.to && stored.amount === input.amount && stored.reason === input.reason,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `reference ${input.reference} is already used by another recoding`, { changeId: id }),
    attempt: async () => {
      const late = afterYearEndRefusal('recoding', year, decisionDate);
      if (late) return late;
      const [source, target] = await Promise.all([getLineControl(gov, year, input.from), getLineControl(gov, year, input.to)]);
      if (!source) return lineNotControlled(gov, year, input.from);
      if (!target) return projectNotInBudget(year, input.to);
      const role = await requireAuthority(request, gov, 'recoding');
      const from = changeLineOf(source);
      const to = changeLineOf(target);
      let refused = recodingRefusal(from, to, input.amount) ?? reserveLineRefusal('recoding', from, to);
      if (!refused && from.policy === to.policy) refused = diversionRefusal(from, to);
      else if (!refused) {
        const { version, provisions } = await finalProvisions(gov, year);
        const found = authorisingClause(provisions, from.fund, from.policy, to.policy);
        if (!found) refused = transferNotAuthorised(from.fund, from.policy, to.policy, version);
        clause = found?.clause;
      }
      if (refused) return refused;
      const journal = recodingJournal(source.fund, decisionDate, source, target, input.amount);
      if ('code' in journal) return journal;
      const change: BudgetChange = {
        changeId: id,
        gov,
        year,
        kind: 'recoding',
        reference: input.reference,
        from: input.from,
        to: input.to,
        amount: input.amount,
        reason: input.reason,
        basis: 'practice (과목경정); limits of 지방재정법 §49, §47의2①',
        decidedAt: request.receivedAt,
        decisionDate,
        decidedBy: request.caller?.sub ?? 'anonymous',
        role,
        quarter: quarterOf(decisionDate),
        clause,
        journal,
        reverses: null,
        reversedBy: null,
      };
      return {
        posting: change,
        items: {
          source: moveExecuted(gov, year, source, -input.amount),
          target: moveExecuted(gov, year, target, input.amount),
          posting: putChange(gov, year, input.reference, change),
          notSyncing: notSyncing(gov, year),
          ...(await books(gov, year, journal, { changeId: id, amount: input.amount, date: decisionDate, from: source, to: target })),
          audit: auditPut(
            tableName(),
            auditRecord(request, { gov, operation: 'budgetChange.recoding', target: `budget-change ${gov}/${year}/${id}` }),
          ),
        },
      };
    },
    failed: (failed) => (failed.has('notSyncing') ? controlsSyncing(gov, year) : undefined),
    contention: (attempts) =>
      refusal('conflict', 'change-contention', `lines ${input.from} and ${input.to} changed during ${attempts} attempts; retry`),
  });
}
