import type { CashActivity } from '#shared/domain/accounting/journal.ts';

/**
 * A journal line of the live books, in the statutory chart of 「지방자치단체 회계기준에 관한 규칙」
 * (shared/domain/accounting/chart.ts). Every posting produces lines whose debits equal their
 * credits; amounts are exact integer won (one posting's amount is a safe integer).
 */
export interface JournalLine {
  /** Account code of the statutory chart. */
  readonly account: string;
  readonly debit: number;
  readonly credit: number;
  /** 세출 기능별 분야, on 사업총원가 and 사업수익 lines (제26조②1). */
  readonly function?: string;
  /** The other 회계 of the same government, on the non-cash lines of a 내부거래 (제3조3, 제9조). */
  readonly counterpart?: string;
}

/** How a posting's cash movement shows on the 현금흐름표 (제35조–제37조). */
export interface CashClass {
  readonly activity: CashActivity;
  /** The journal map row's name: the line of the statement it adds to. */
  readonly label: string;
  /** For transfers between the government's own 회계: eliminated in 유형별/통합 statements. */
  readonly counterpart?: string;
}

/** The lines of one posting, with the fund (회계) and business date they belong to. */
export interface JournalEntry {
  readonly fund: string;
  readonly date: string;
  readonly lines: readonly JournalLine[];
  /** Set when a line touches 현금및현금성자산. */
  readonly cash?: CashClass;
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

/** The reversing entry of a correction: the same amounts on the opposite sides (역분개), dimensions kept. */
export function reversalOf(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit }));
}

/** Drops zero-amount lines (e.g. the over-payment part of a receipt that had none). */
export const nonZero = (lines: readonly JournalLine[]): JournalLine[] => lines.filter((line) => line.debit !== 0 || line.credit !== 0);
