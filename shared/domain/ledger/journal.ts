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

export function isBalanced(lines: readonly JournalLine[]): boolean {
  let debit = 0n;
  let credit = 0n;
  for (const line of lines) {
    debit += BigInt(line.debit);
    credit += BigInt(line.credit);
  }
  return debit === credit && lines.length > 0;
}
