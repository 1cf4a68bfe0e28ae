import { isDebitNormal, ledgerAccountByCode } from '#shared/domain/ledger/chart-of-accounts.ts';
import type { StatementClass } from '#shared/domain/ledger/chart-of-accounts.ts';

/**
 * What closings read from the accrual books: the running totals the execution consumer keeps per
 * government, year, fund (회계), ledger account and day — never the postings themselves.
 */
export interface LedgerDayTotal {
  readonly fund: string;
  readonly account: string;
  /** yyyy-mm-dd */
  readonly day: string;
  /** Exact: the books hand running totals as bigint (they can pass 2^53); small literals may be numbers. */
  readonly debit: bigint | number;
  readonly credit: bigint | number;
}

/** A balance carried into the year from the previous year-end closing (one side is zero). */
export interface OpeningBalance {
  readonly fund: string;
  readonly account: string;
  readonly debit: bigint;
  readonly credit: bigint;
}

export interface AccountSums {
  readonly fund: string;
  readonly account: string;
  debit: bigint;
  credit: bigint;
}

const CLASS_BY_DIGIT: Readonly<Record<string, StatementClass>> = {
  '1': 'asset',
  '2': 'liability',
  '3': 'net-assets',
  '4': 'revenue',
  '5': 'expense',
};

/** Statement class of an account code; codes outside the chart keep the class of their first digit. */
export function classOf(account: string): StatementClass {
  const known = ledgerAccountByCode.get(account)?.class ?? CLASS_BY_DIGIT[account.charAt(0)];
  if (!known) throw new Error(`ledger account ${account} has no statement class`);
  return known;
}

export const accountName = (account: string): string => ledgerAccountByCode.get(account)?.nameKo ?? `계정 ${account}`;

/** Debit-normal accounts report debit − credit, the others credit − debit. */
export const signedBalance = (account: string, debit: bigint, credit: bigint): bigint =>
  isDebitNormal(classOf(account)) ? debit - credit : credit - debit;

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
