import { account as chartAccount, chart } from '#shared/domain/accounting/chart.ts';
import type { AccountClass } from '#shared/domain/accounting/chart.ts';
import type { BalanceDimensions } from '#shared/domain/ledger/balances.ts';

/**
 * What closings read from the accrual books: the running totals the execution consumer keeps per
 * government, year, fund (회계), ledger account and day — never the postings themselves.
 * Source: practice (running totals of the double-entry books).
 */
export interface LedgerDayTotal {
  readonly fund: string;
  readonly account: string;
  /** yyyy-mm-dd */
  readonly day: string;
  /** Exact: the books hand running totals as bigint (they can pass 2^53); small literals may be numbers. */
  readonly debit: bigint | number;
  readonly credit: bigint | number;
  /** What the statements need beyond fund and account (기능, 내부거래 counterpart, 현금흐름 class). */
  readonly dims?: BalanceDimensions;
}

/** A balance carried into the year from the previous year-end closing (one side is zero). */
export interface OpeningBalance {
  readonly fund: string;
  readonly account: string;
  readonly debit: bigint;
  readonly credit: bigint;
  /** The other 회계 of an internal balance (회계간 채권·채무), kept so that 통합 can eliminate it. */
  readonly counterpart?: string;
}

export interface AccountSums {
  readonly fund: string;
  readonly account: string;
  debit: bigint;
  credit: bigint;
}

const known = new Set(chart.map((a) => a.code));

/** Class of an account of the statutory chart (shared/domain/accounting/chart.ts). */
export const classOf = (account: string): AccountClass => chartAccount(account).class;

export const accountName = (account: string): string => (known.has(account) ? chartAccount(account).nameKo : `계정 ${account}`);

/** Assets and expenses are debit-normal; liabilities, net assets and revenue credit-normal. */
export const isDebitNormal = (cls: AccountClass): boolean => cls === 'asset' || cls === 'expense';

/**
 * Sums totals (and opening balances, when given) per fund and account, sorted by fund then
 * account so that every report lists them in the same order.
 */
export function sumByAccount(
  totals: readonly LedgerDayTotal[],
  include: (day: string) => boolean,
  opening: readonly OpeningBalance[] = [],
): AccountSums[] {
  const sums = new Map<string, AccountSums>();
  const entry = (fund: string, account: string): AccountSums => {
    const key = `${fund}\u0000${account}`;
    let sum = sums.get(key);
    if (!sum) {
      sum = { fund, account, debit: 0n, credit: 0n };
      sums.set(key, sum);
    }
    return sum;
  };
  for (const balance of opening) {
    const sum = entry(balance.fund, balance.account);
    sum.debit += balance.debit;
    sum.credit += balance.credit;
  }
  for (const total of totals) {
    if (!include(total.day)) continue;
    const sum = entry(total.fund, total.account);
    sum.debit += BigInt(total.debit);
    sum.credit += BigInt(total.credit);
  }
  return [...sums.values()].sort((a, b) => compare(a.fund, b.fund) || compare(a.account, b.account));
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
