import type { ReconciliationRow } from '#shared/domain/accounting/reconciliation.ts';
import type { FundBalance } from '#shared/domain/settlement/trial-balance.ts';
import { isFundBalanced } from '#shared/domain/settlement/trial-balance.ts';

/** One figure that does not agree with its counterpart; any difference raises the alarm. */
export interface Difference {
  readonly check: string;
  readonly expected: string;
  readonly actual: string;
}

/** The totals written in an archived report against the same totals recomputed from live data. */
export function compareTotals(
  report: string,
  archived: Readonly<Record<string, string>>,
  live: Readonly<Record<string, bigint>>,
): Difference[] {
  const names = [...new Set([...Object.keys(archived), ...Object.keys(live)])].sort();
  return names
    .filter((name) => archived[name] !== live[name]?.toString())
    .map((name) => ({
      check: `${report}.${name}`,
      expected: live[name]?.toString() ?? '(missing)',
      actual: archived[name] ?? '(missing)',
    }));
}

export const unbalancedFunds = (funds: readonly FundBalance[]): Difference[] =>
  funds
    .filter((f) => !isFundBalanced(f))
    .map((f) => ({ check: `trial-balance.${f.fund}.debit=credit`, expected: f.debitTotal.toString(), actual: f.creditTotal.toString() }));

/** Fund status (the cash counters execution keeps) against Σ journal cash lines, per fund. */
export function cashDifferences(journalCash: ReadonlyMap<string, bigint>, fundStatus: ReadonlyMap<string, bigint>): Difference[] {
  const funds = [...new Set([...journalCash.keys(), ...fundStatus.keys()])].sort();
  return funds
    .filter((fund) => (journalCash.get(fund) ?? 0n) !== (fundStatus.get(fund) ?? 0n))
    .map((fund) => ({
      check: `cash.${fund}`,
      expected: (journalCash.get(fund) ?? 0n).toString(),
      actual: (fundStatus.get(fund) ?? 0n).toString(),
    }));
}

/**
 * The statements' own identities, per scope (개별, 유형별, 통합): 자산 = 부채 + 순자산 (제10조) and the
 * 현금흐름표's closing cash = the 재정상태표's cash (제35조).
 */
export function positionDifferences(totals: Readonly<Record<string, bigint>>): Difference[] {
  const scopes = Object.keys(totals)
    .filter((name) => name.endsWith('.assets'))
    .map((name) => name.slice(0, -'.assets'.length));
  const differences: Difference[] = [];
  for (const scope of scopes) {
    const assets = totals[`${scope}.assets`] ?? 0n;
    const claims = (totals[`${scope}.liabilities`] ?? 0n) + (totals[`${scope}.netAssets`] ?? 0n);
    if (assets !== claims)
      differences.push({
        check: `financial-position.${scope}.assets=liabilities+net-assets`,
        expected: assets.toString(),
        actual: claims.toString(),
      });
    const cash = totals[`${scope}.closingCash`] ?? 0n;
    const books = totals[`${scope}.closingCashPerBooks`] ?? 0n;
    if (cash !== books)
      differences.push({ check: `cash-flow.${scope}.closing-cash=books`, expected: books.toString(), actual: cash.toString() });
  }
  return differences;
}

/** The 예산-재무 reconciliation's differences (a 회계 whose 재정자금 ≠ 세계잉여금). */
export const budgetReconciliationDifferences = (rows: readonly ReconciliationRow[]): Difference[] =>
  rows
    .filter((r) => !r.excepted && r.difference !== 0n)
    .map((r) => ({
      check: `budget-reconciliation.${r.entity}`,
      expected: r.budgetSurplus.toString(),
      actual: (r.financialFunds - r.custodyCash).toString(),
    }));
