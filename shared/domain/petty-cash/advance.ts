/** An advance of 일상경비등 from the 지출원 to an 일상경비등 출납원 (지방회계법 §34①), with what was done with it. */
export interface PettyCashAdvance {
  readonly gov: string;
  readonly year: number;
  readonly advanceId: string;
  /** The 호 of 회계령 §38①. */
  readonly item: number;
  readonly cashier: string;
  readonly advancedOn: string;
  /** The period the advance covers (회계령 §39①). */
  readonly period: { readonly from: string; readonly to: string };
  /** The 목별 amounts advanced (통계목 → won); the 분임재무관 spends within each (회계령 §41①). */
  readonly allocations: Readonly<Record<string, number>>;
  readonly amount: number;
  /** The 지급명령 that paid the advance to the 출납원's account, once known. */
  readonly orderRef?: string | undefined;
  readonly spendings: readonly PettyCashSpending[];
  readonly returns: readonly PettyCashReturn[];
  readonly revision: number;
}

/** A 지급원인행위 of the 분임재무관 paid from the advance (회계령 §41). */
export interface PettyCashSpending {
  readonly spendingId: string;
  readonly statItem: string;
  readonly date: string;
  readonly amount: number;
  readonly payee: string;
  readonly description: string;
}

/** Unspent money paid back to the 지출원 (by 20 January of the next year: 지방회계법 §7②). */
export interface PettyCashReturn {
  readonly returnId: string;
  readonly date: string;
  readonly amount: number;
}

export const spentOf = (advance: Pick<PettyCashAdvance, 'spendings'>, statItem?: string): number =>
  advance.spendings.filter((s) => statItem === undefined || s.statItem === statItem).reduce((sum, s) => sum + s.amount, 0);

export const returnedOf = (advance: Pick<PettyCashAdvance, 'returns'>): number => advance.returns.reduce((sum, r) => sum + r.amount, 0);

/** What the 출납원 still holds. */
export const balanceOf = (advance: Pick<PettyCashAdvance, 'amount' | 'spendings' | 'returns'>): number =>
  advance.amount - spentOf(advance) - returnedOf(advance);
