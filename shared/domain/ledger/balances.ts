import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';

/**
 * Running balances: the debit and credit totals per government, fiscal year, fund (회계) and ledger
 * account, by day and by month. Closings read these totals, never the postings.
 */
export interface BalanceDelta {
  readonly gov: string;
  readonly year: number;
  readonly fund: string;
  readonly account: string;
  /** `DAY#yyyy-mm-dd` or `MONTH#yyyy-mm`. */
  readonly period: string;
  readonly debit: number;
  readonly credit: number;
}

const periodsOf = (date: string): string[] => [`DAY#${date}`, `MONTH#${date.slice(0, 7)}`];

/** Sums the journal entries of a batch into one delta per balance item. */
export function balanceDeltas(entries: readonly { gov: string; year: number; entry: JournalEntry }[]): BalanceDelta[] {
  const byKey = new Map<string, BalanceDelta>();
  for (const { gov, year, entry } of entries) {
    for (const line of entry.lines) {
      for (const period of periodsOf(entry.date)) {
        const key = `${gov}|${year}|${period}|${entry.fund}|${line.account}`;
        const previous = byKey.get(key);
        byKey.set(key, {
          gov,
          year,
          fund: entry.fund,
          account: line.account,
          period,
          debit: (previous?.debit ?? 0) + line.debit,
          credit: (previous?.credit ?? 0) + line.credit,
        });
      }
    }
  }
  return [...byKey.values()];
}

/** Cash movements per government, year and fund: what the real-time fund status adds up. */
export interface CashMovement {
  readonly gov: string;
  readonly year: number;
  readonly fund: string;
  readonly inflow: number;
  readonly outflow: number;
}

export function cashMovements(entries: readonly { gov: string; year: number; entry: JournalEntry }[]): CashMovement[] {
  const byKey = new Map<string, CashMovement>();
  for (const { gov, year, entry } of entries) {
    for (const line of entry.lines) {
      if (line.account !== chartOfAccounts.cash.code) continue;
      const key = `${gov}|${year}|${entry.fund}`;
      const previous = byKey.get(key);
      byKey.set(key, {
        gov,
        year,
        fund: entry.fund,
        inflow: (previous?.inflow ?? 0) + line.debit,
        outflow: (previous?.outflow ?? 0) + line.credit,
      });
    }
  }
  return [...byKey.values()];
}
