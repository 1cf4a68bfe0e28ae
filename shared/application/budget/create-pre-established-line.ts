import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { afterYearEndRefusal } from '#shared/domain/budget/budget-change.ts';
import { controlWriteOf } from '#shared/domain/budget/control-sync.ts';
import { zeroCounters } from '#shared/domain/budget/line-counters.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { structureRefusal } from '#shared/domain/budget/line-structure.ts';
import { controlsSyncing } from '#shared/domain/budget/refusals.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { post } from '#shared/application/reversible-posting.ts';
import type { Posted } from '#shared/application/reversible-posting.ts';
import { decisionDateOf, quarterOf, requireAuthority } from '#shared/application/budget/budget-change-context.ts';
import { notSyncing } from '#shared/stores/budget/allotments.ts';
import { createControl, getChange, putChange } from '#shared/stores/budget/changes.ts';
import { openPendingPostings } from '#shared/stores/budget/pending-postings.ts';
import type { BudgetChange } from '#shared/stores/budget/changes.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { addToCurrentBudget } from '#shared/stores/budget/current-budget.ts';
import { changeId } from '#shared/stores/budget/keys.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import type { BudgetLine, ExpenditureLineInput, RevenueLineInput } from '#shared/schemas/budget.ts';

export interface PreEstablishedRequest {
  readonly reference: string;
  readonly reason: string;
  readonly line: Omit<ExpenditureLineInput, 'amount' | 'mandatory'>;
  readonly revenue: Omit<RevenueLineInput, 'amount'>;
  readonly amount: number;
  readonly basis:
    | { kind: 'grant'; grantor: 'national' | 'provincial'; notice: string; noticeDate: string; designated: boolean; fullyGranted: boolean }
    | { kind: 'disaster-recovery'; plan: string; planDate: string };
}

/**
 * 성립전예산 (지방재정법 §45): a transfer whose use is designated and whose full amount is granted
 * (state → 시·도; state or 시·도 → 시·군·구), or a confirmed disaster recovery plan, may be spent
 * before the 추경 that must include it. Creates the 세출 line and the matching 세입 line, each with
 * the granted amount as a flagged 성립전 component (a later 추경 of the year that includes the line
 * absorbs it: control-sync.ts); revenue and expenditure rise together, so the budget stays balanced.
 */
export async function createPreEstablishedLine(
  request: RequestInfo,
  gov: string,
  year: number,
  input: PreEstablishedRequest,
): Promise<Posted<BudgetChange>> {
  const line = toBudgetLine({ ...input.line, amount: input.amount, mandatory: false });
  const revenue = toBudgetLine({ ...input.revenue, amount: input.amount });
  const id = changeId('pre-established', input.reference);
  const decisionDate = decisionDateOf(request.receivedAt);
  return post({
    stored: () => getChange(gov, year, 'pre-established', input.reference),
    sameRequest: (stored) => stored.to === line.lineId && stored.amount === input.amount,
    referenceUsed: () =>
      refusal('conflict', 'reference-used', `reference ${input.reference} is already used by another 성립전예산`, { changeId: id }),
    attempt: async () => {
      const late = afterYearEndRefusal('pre-established', year, decisionDate);
      if (late) return late;
      if (input.basis.kind === 'grant' && !(input.basis.designated && input.basis.fullyGranted))
        return refusal(
          'unprocessable',
          'pre-established-not-eligible',
          'a 성립전예산 needs a transfer whose use is designated and whose full amount is granted',
          {
            rule: 'designated use and full grant (or a confirmed disaster recovery plan)',
            basis: '지방재정법 §45',
            designated: input.basis.designated,
            fullyGranted: input.basis.fullyGranted,
          },
        );
      const role = await requireAuthority(request, gov, 'pre-established');
      if (line.account !== revenue.account)
        return refusal(
          'unprocessable',
          'different-account',
          `the 세출 line (${line.account}) and the matching 세입 line (${revenue.account}) are in different 회계`,
          {
            rule: 'source and target in the same 회계',
          },
        );
      const [accounts, departments] = await Promise.all([listAccounts(gov), listDepartments(gov)]);
      const unknown = structureRefusal(gov, [line, revenue], new Set(accounts.map((a) => a.code)), new Set(departments.map((d) => d.code)));
      if (unknown) return unknown;
      for (const existing of await Promise.all([getLineControl(gov, year, line.lineId), getLineControl(gov, year, revenue.lineId)]))
        if (existing)
          return refusal(
            'invalid',
            'duplicate-line',
            `line ${existing.lineId} is already in the ${year} budget; a 성립전예산 creates a new line`,
          );
      const change: BudgetChange = {
        changeId: id,
        gov,
        year,
        kind: 'pre-established',
        reference: input.reference,
        from: null,
        to: line.lineId,
        amount: input.amount,
        reason: input.reason,
        basis: '지방재정법 §45',
        decidedAt: request.receivedAt,
        decisionDate,
        decidedBy: request.caller?.sub ?? 'anonymous',
        role,
        quarter: quarterOf(decisionDate),
        grant: { ...input.basis, revenueLineId: revenue.lineId },
        reverses: null,
        reversedBy: null,
      };
      // the 세출 line (the schema makes `line` one) and its matching 세입 line, each created with the granted
      // amount, with the attributes a final version would write (the journal map's among them: a posting on
      // the line is booked like on any other)
      const newControl = (created: BudgetLine) => {
        const { changesNetWas: _was, ...write } = controlWriteOf(created);
        return createControl(gov, year, {
          ...write,
          mandatory: false,
          budget: input.amount,
          enacted: 0,
          changesNet: input.amount,
          preEstablished: input.amount,
          ...zeroCounters,
          version: null,
          provisional: false,
        });
      };
      return {
        posting: change,
        items: {
          expenditure: newControl(line),
          revenue: newControl(revenue),
          // a line created again after an earlier 성립전예산 on it was reversed takes postings again
          reopenSpending: openPendingPostings(gov, year, line.lineId),
          reopenRevenue: openPendingPostings(gov, year, revenue.lineId),
          current: addToCurrentBudget(gov, year, line.account, input.amount, 'change'),
          posting: putChange(gov, year, input.reference, change),
          notSyncing: notSyncing(gov, year),
          audit: auditPut(
            tableName(),
            auditRecord(request, { gov, operation: 'budgetChange.pre-established', target: `budget-change ${gov}/${year}/${id}` }),
          ),
        },
      };
    },
    failed: (failed) =>
      failed.has('notSyncing')
        ? controlsSyncing(gov, year)
        : failed.has('expenditure') || failed.has('revenue')
          ? refusal('invalid', 'duplicate-line', `line ${line.lineId} or ${revenue.lineId} was created at the same time`)
          : undefined,
    contention: (attempts) => refusal('conflict', 'change-contention', `the lines changed during ${attempts} attempts; retry`),
  });
}
