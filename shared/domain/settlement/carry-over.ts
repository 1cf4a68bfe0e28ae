/**
 * Carry-overs (이월) into the next fiscal year, recorded per expenditure line by the chief
 * accountant (회계책임관) before the year is closed:
 *   명시이월 (explicit: approved in advance by the council), 사고이월 (unavoidable events),
 *   계속비이월 (continuing expenditure over several years).
 * Rule: carried amount ≤ 예산현액 − 지출액 of the line.
 */
export const carryOverKinds = { explicit: '명시이월', accident: '사고이월', continuing: '계속비이월' } as const;
export type CarryOverKind = keyof typeof carryOverKinds;

export interface CarryOver {
  readonly lineId: string;
  readonly kind: CarryOverKind;
  readonly amount: number;
  readonly reason: string;
}

export interface CarryOverBreach {
  readonly rule: string;
  readonly requested: number;
  readonly available: number;
  readonly numbers: Readonly<Record<string, number>>;
}

export function carryOverBreach(line: { readonly budget: number; readonly paid: number }, amount: number): CarryOverBreach | undefined {
  const available = line.budget - line.paid;
  if (amount <= available) return undefined;
  return { rule: 'carry-over ≤ budget − paid', requested: amount, available, numbers: { budget: line.budget, paid: line.paid } };
}
