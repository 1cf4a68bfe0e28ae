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

export function positionDifferences(totals: Readonly<Record<string, bigint>>): Difference[] {
  const assets = totals.assets ?? 0n;
  const claims = (totals.liabilities ?? 0n) + (totals.closingNetAssets ?? 0n);
  return assets === claims
    ? []
    : [{ check: 'financial-position.assets=liabilities+net-assets', expected: assets.toString(), actual: claims.toString() }];
}
