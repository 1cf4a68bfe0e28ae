import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';

/** 현금및현금성자산 (제15조): the account whose lines are the 현금흐름 and the fund status. */
export const cashAccount = accountWithRole('유동자산', 'cash').code;

/**
 * What the statements need of a balance beyond fund and account: the 기능 of 사업총원가/사업수익
 * (제26조②1), the counterpart 회계 of a 내부거래 (제9조), and on cash lines the 현금흐름 class and
 * line (제36조, 제37조). Empty strings where a dimension does not apply; the number of distinct
 * dimension values grows with the budget's lines and accounts, never with the postings.
 */
export interface BalanceDimensions {
  readonly function: string;
  readonly counterpart: string;
  readonly cashActivity: string;
  readonly cashLabel: string;
  readonly cashCounterpart: string;
}

/**
 * Running balances: the debit and credit totals per government, fiscal year, fund (회계), ledger
 * account and dimensions, by day and by month. Closings read these totals, never the postings.
 */
export interface BalanceDelta extends BalanceDimensions {
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

/** The part of a balance's key after fund and account: empty when no dimension applies. */
export function dimensionKey(d: BalanceDimensions): string {
  const parts = [d.function, d.counterpart, d.cashActivity, d.cashLabel, d.cashCounterpart];
  return parts.every((p) => p === '') ? '' : parts.join('#');
}

/** Sums the journal entries of a batch into one delta per balance item. */
export function balanceDeltas(entries: readonly { gov: string; year: number; entry: JournalEntry }[]): BalanceDelta[] {
  const byKey = new Map<string, BalanceDelta>();
  for (const { gov, year, entry } of entries) {
    for (const line of entry.lines) {
      const cash = line.account === cashAccount ? entry.cash : undefined;
      const dims: BalanceDimensions = {
        function: line.function ?? '',
        counterpart: line.counterpart ?? '',
        cashActivity: cash?.activity ?? '',
        cashLabel: cash?.label ?? '',
        cashCounterpart: cash?.counterpart ?? '',
      };
      for (const period of periodsOf(entry.date)) {
        const key = `${gov}|${year}|${period}|${entry.fund}|${line.account}|${dimensionKey(dims)}`;
        const previous = byKey.get(key);
        byKey.set(key, {
          gov,
          year,
          fund: entry.fund,
          account: line.account,
          period,
          ...dims,
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
      if (line.account !== cashAccount) continue;
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
