import { refusal } from '#shared/domain/refusal.ts';
import type { LimitBreach, Refusal } from '#shared/domain/refusal.ts';

/**
 * Carry-overs (이월) into the next fiscal year, recorded per expenditure line by the chief
 * accountant (회계책임관) before the year is closed (지방재정법 제50조 세출예산의 이월, 제42조 계속비):
 *   명시이월 (explicit: approved in advance by the council), 사고이월 (unavoidable events),
 *   계속비이월 (continuing expenditure over several years).
 * Rule: carried amount ≤ 예산현액 − 지출액 of the line (practice: only what was not spent carries over).
 */
export const carryOverKinds = { explicit: '명시이월', accident: '사고이월', continuing: '계속비이월' } as const;
export type CarryOverKind = keyof typeof carryOverKinds;

export interface CarryOver {
  readonly lineId: string;
  readonly kind: CarryOverKind;
  readonly amount: number;
  readonly reason: string;
}

/** What the carry-over of a line is checked against: its kind, 예산현액 (`budget`) and 지출액 (`paid`). */
export interface CarriedLine {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  readonly budget: number;
  readonly paid: number;
}

export function carryOverBreach(line: { readonly budget: number; readonly paid: number }, amount: number): LimitBreach | undefined {
  const available = line.budget - line.paid;
  if (amount <= available) return undefined;
  return { rule: 'carry-over ≤ budget − paid', requested: amount, available, numbers: { budget: line.budget, paid: line.paid } };
}

/** Why the line cannot carry this amount over, if it cannot: only expenditure lines carry over, within 예산현액 − 지출액. */
export function carryOverRefusal(line: CarriedLine, amount: number): Refusal | undefined {
  if (line.kind !== 'expenditure') {
    return refusal('unprocessable', 'carry-over-expenditure-only', 'only expenditure lines are carried over', {
      lineId: line.lineId,
      kind: line.kind,
    });
  }
  const breach = carryOverBreach(line, amount);
  if (!breach) return undefined;
  return refusal('unprocessable', 'carry-over-exceeds-available', `carry-over ${amount} exceeds budget − paid = ${breach.available}`, {
    ...breach,
  });
}
