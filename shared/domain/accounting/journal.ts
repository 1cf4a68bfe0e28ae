import { account, needsFunction } from '#shared/domain/accounting/chart.ts';

/**
 * Journal lines of the statutory books. Amounts are exact integer won held as bigint, so that sums
 * never lose precision (a year's totals can pass 2^53).
 */
export interface JournalLine {
  readonly account: string;
  readonly debit: bigint;
  readonly credit: bigint;
  /** 세출 기능별 분야 code, on 사업총원가 and 사업수익 lines only (제26조②1). */
  readonly function?: string;
  /** The other 회계실체 of the same government, on the non-cash lines of a 내부거래 (제3조3). */
  readonly counterpart?: string;
}

/** 제36조: every cash movement is 경상활동, 투자활동 or 재무활동. */
export type CashActivity = 'operating' | 'investing' | 'financing';

/** How an entry that moves cash shows on the 현금흐름표 (제35조–제37조). */
export interface CashClassification {
  readonly activity: CashActivity;
  /** The gross-flow line it adds to (제37조②: inflows and outflows are not netted). */
  readonly label: string;
  /** Set for transfers between the government's own 회계실체: eliminated in 유형별/통합 statements. */
  readonly counterpart?: string;
}

export interface JournalEntry {
  /** The 회계실체 (회계 or 기금) whose books the entry belongs to. */
  readonly entity: string;
  readonly lines: readonly JournalLine[];
  /** Required when a line touches 현금및현금성자산. */
  readonly cash?: CashClassification;
  /** Why a budget posting produced no lines (e.g. 순세계잉여금 brought in: cash already held). */
  readonly memo?: string;
}

export class InvalidAmountError extends Error {
  readonly amount: bigint | number;
  constructor(amount: bigint | number) {
    super(`amounts are positive integer won, got ${amount}`);
    this.amount = amount;
    this.name = 'InvalidAmountError';
  }
}

/** Integer won as bigint; a number must be a safe integer (never a float). */
export function won(amount: bigint | number): bigint {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new InvalidAmountError(amount);
  const value = BigInt(amount);
  if (value <= 0n) throw new InvalidAmountError(amount);
  return value;
}

export const debitLine = (code: string, amount: bigint, dims: Dimensions = {}): JournalLine => line(code, amount, 0n, dims);
export const creditLine = (code: string, amount: bigint, dims: Dimensions = {}): JournalLine => line(code, 0n, amount, dims);

export interface Dimensions {
  readonly function?: string;
  readonly counterpart?: string;
}

export class MissingFunctionError extends Error {
  readonly accountCode: string;
  constructor(accountCode: string) {
    super(`account ${accountCode} is reported by 기능 (제26조②1): the line needs its 분야 code`);
    this.accountCode = accountCode;
    this.name = 'MissingFunctionError';
  }
}

/** A line keeps the 기능 only where the 재정운영표 reports by 기능, and refuses to lose it there. */
function line(code: string, debit: bigint, credit: bigint, dims: Dimensions): JournalLine {
  const a = account(code);
  const byFunction = needsFunction(a);
  if (byFunction && !dims.function) throw new MissingFunctionError(code);
  return {
    account: code,
    debit,
    credit,
    ...(byFunction ? { function: dims.function } : {}),
    ...(dims.counterpart ? { counterpart: dims.counterpart } : {}),
  };
}

export function isBalanced(lines: readonly JournalLine[]): boolean {
  let net = 0n;
  for (const l of lines) net += l.debit - l.credit;
  return net === 0n && lines.length > 0;
}

/** The net cash an entry moves: positive in, negative out. */
export function cashChange(entry: Pick<JournalEntry, 'lines'>): bigint {
  let net = 0n;
  for (const l of entry.lines) if (account(l.account).role === 'cash') net += l.debit - l.credit;
  return net;
}
