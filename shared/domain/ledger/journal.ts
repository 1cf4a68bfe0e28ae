/**
 * A journal line of the accrual books. Every posting produces lines whose debits equal their credits.
 * Amounts are exact integer won.
 */
export interface JournalLine {
  /** Ledger account code from the chart of accounts. */
  readonly account: string;
  readonly debit: number;
  readonly credit: number;
}

/** The lines of one posting, with the fund (회계) and business date they belong to. */
export interface JournalEntry {
  readonly fund: string;
  readonly date: string;
  readonly lines: readonly JournalLine[];
}

export function isBalanced(lines: readonly JournalLine[]): boolean {
  let debit = 0n;
  let credit = 0n;
  for (const line of lines) {
    debit += BigInt(line.debit);
    credit += BigInt(line.credit);
  }
  return debit === credit && lines.length > 0;
}

export const debit = (account: string, amount: number): JournalLine => ({ account, debit: amount, credit: 0 });
export const credit = (account: string, amount: number): JournalLine => ({ account, debit: 0, credit: amount });

/** The reversing entry of a correction: the same amounts on the opposite sides (역분개). */
export function reversalOf(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((line) => ({ account: line.account, debit: line.credit, credit: line.debit }));
}

/** Drops zero-amount lines (e.g. the over-payment part of a receipt that had none). */
export const nonZero = (lines: readonly JournalLine[]): JournalLine[] => lines.filter((line) => line.debit !== 0 || line.credit !== 0);
