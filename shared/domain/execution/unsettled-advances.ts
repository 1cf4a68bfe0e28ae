import { advancePostingOf } from '#shared/domain/advance-posting.ts';
import type { AdvanceOrder, AdvancePosting } from '#shared/domain/advance-posting.ts';
import { fiscalDates } from '#shared/domain/fiscal-calendar/calendar.ts';

/**
 * The day by which an advance of year N comes back (정산 or 반납):
 *   - 일상경비등: 20 January of N + 1 — "일상경비등은 다음 회계연도 1월 20일까지 반납할 수 있다"
 *     (지방회계법 제7조제2항, read);
 *   - 개산급: 31 December of N, the 출납 폐쇄 (제7조제1항 본문); a 반납 after it no longer restores the
 *     line (제27조제2항). The 훈령's own 정산 deadline for 개산급 is not in the texts read [U].
 */
export const advanceDueDate = (form: AdvanceOrder['form'], year: number): string =>
  form === 'petty-cash' ? fiscalDates(year).exceptionDeadline : fiscalDates(year).cashBooksClose;

export interface UnsettledAdvance extends AdvancePosting {
  readonly dueBy: string;
  /** Past its due date (Korean calendar day `asOf`) with money still unsettled. */
  readonly overdue: boolean;
}

/**
 * The advances of a year the bank paid and whose 선급금 is not cleared (paid − settled − returned > 0),
 * each with its due date and whether `asOf` is past it, and their totals (exact integer won: each
 * amount ≤ 10^15 and a year's advances are few, so the sum stays below 2^53).
 */
export function unsettledAdvances(orders: readonly AdvanceOrder[], year: number, asOf: string) {
  const advances: UnsettledAdvance[] = orders
    .map(advancePostingOf)
    .filter((posting) => posting.unsettled > 0)
    .map((posting) => {
      const dueBy = advanceDueDate(posting.form, year);
      return { ...posting, dueBy, overdue: asOf > dueBy };
    })
    .sort((a, b) => a.orderId.localeCompare(b.orderId));
  const overdue = advances.filter((advance) => advance.overdue);
  return {
    year,
    asOf,
    count: advances.length,
    unsettled: advances.reduce((sum, advance) => sum + advance.unsettled, 0),
    overdueCount: overdue.length,
    overdueUnsettled: overdue.reduce((sum, advance) => sum + advance.unsettled, 0),
    advances,
  };
}
