import { addDays, addMonths } from '#shared/domain/subsidy/dates.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 제재부가금 (보조금법 §35; 보조금령 §21).
 * - Charged where a 반환 followed a cancellation of the decision (§35①1) or a recipient ordered an end
 *   receiver to return (§35①2); at most 5 × the total to be returned, fines and the like included
 *   (§35①; 영 §21④). The schedule by violation (영 별표 2) was not read: only the cap is enforced.
 * - Due 30 days after the notice (영 §21⑤).
 * - Late surcharge (§35④; 영 §21⑧): 1 % of the unpaid amount if paid within 7 days of the due date,
 *   2 % within a month, then + 1 % for each further month, never more than 5 % (§35④).
 */
export const SANCTION_MULTIPLE = 5;
export const SANCTION_DUE_DAYS = 30;

export function sanctionRefusal(amount: number, returnTotal: number, finesAlready: number): Refusal | undefined {
  const cap = SANCTION_MULTIPLE * returnTotal - finesAlready;
  if (amount <= cap) return undefined;
  return refusal('unprocessable', 'sanction-exceeds-cap', '제재부가금 and fines together may not exceed 5 × the amount to be returned', {
    rule: 'amount + fines ≤ 5 × returnTotal (보조금법 §35①; 보조금령 §21④)',
    requested: amount,
    available: Math.max(0, cap),
    numbers: { returnTotal, finesAlready },
  });
}

export const sanctionDueDate = (noticeOn: string): string => addDays(noticeOn, SANCTION_DUE_DAYS);

/** The surcharge in basis points of the unpaid amount for a payment on `paidOn`. */
export function surchargeBp(dueDate: string, paidOn: string): number {
  if (paidOn <= dueDate) return 0;
  if (paidOn <= addDays(dueDate, 7)) return 100;
  let months = 1;
  while (paidOn > addMonths(dueDate, months)) months += 1;
  // within the first month: 2 %; each further month started: + 1 %; cap 5 %.
  return Math.min(500, 200 + (months - 1) * 100);
}

/** Exact won: the surcharge on `unpaid`, rounded down (no fractions of a won). */
export const surcharge = (unpaid: number, dueDate: string, paidOn: string): number =>
  Math.floor((unpaid * surchargeBp(dueDate, paidOn)) / 10_000);
