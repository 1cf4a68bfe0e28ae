import { fiscalDates } from '#shared/domain/fiscal-calendar/calendar.ts';

/**
 * Payment orders (지급명령) the treasury bank has not confirmed as paid (지급) long after the order
 * was accepted: money the government believes is on its way to a creditor and the bank never paid
 * (issue #19, finding 2). Source: practice [U] — the 금고 pays a 지급명령 on its day or the next
 * business day; three calendar days leave room for a weekend. Each daily closing looks at the orders
 * dated `confirmationDays` to `confirmationDays + windowDays − 1` days before its day, so an order
 * left unpaid keeps the alarm raised for `windowDays` daily closings, then the operators' list of
 * open orders is the place to follow it.
 */
export const unconfirmedOrderRule = { confirmationDays: 3, windowDays: 7 } as const;

/** The dates (inclusive, yyyy-mm-dd) whose orders a daily closing of `day` checks. */
export function unconfirmedOrderWindow(
  day: string,
  rule: { confirmationDays: number; windowDays: number } = unconfirmedOrderRule,
): {
  from: string;
  to: string;
} {
  const shift = (days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return { from: shift(rule.confirmationDays + rule.windowDays - 1), to: shift(rule.confirmationDays) };
}

/**
 * The fiscal years' ledgers a daily closing of `day` (fiscal year `year`) reads over its window.
 * Orders of the old year may be dated until its 출납사무 완결 (10 February of the next year; 지방회계법
 * 제7조제3항, 시행령 제3조·제34조) and live in the old year's ledger. A closing of the new calendar
 * year whose window reaches back before that date therefore also reads the old year's orders dated in
 * the window up to that date: late-December and 출납정리 orders left unpaid are counted by the daily
 * closings that run every day, not only by the old year's 출납정리 closings (which an operator may
 * not run). Those, if run, count them as well: the alarm fires above 0, so a double count changes
 * no alarm.
 */
export function unconfirmedOrderReads(
  day: string,
  year: number,
  rule: { confirmationDays: number; windowDays: number } = unconfirmedOrderRule,
): { year: number; from: string; to: string }[] {
  const window = unconfirmedOrderWindow(day, rule);
  const reads = [{ year, ...window }];
  const calendarYear = Number(day.slice(0, 4));
  const oldYearEnds = fiscalDates(calendarYear - 1).completionDate;
  if (year === calendarYear && window.from <= oldYearEnds) {
    // The earlier of the two dates (yyyy-mm-dd strings sort as dates).
    const to = [window.to, oldYearEnds].sort()[0] ?? window.to;
    reads.push({ year: year - 1, from: window.from, to });
  }
  return reads;
}

/** An order as its document counts it: ordered amount (0 once corrected) and what the bank paid. */
export interface OrderDocument {
  readonly orderId: string;
  readonly amount: number;
  readonly paid: number;
}

/** The orders with something still unpaid, and their unpaid total (exact integer won). */
export function unconfirmedOrders(orders: readonly OrderDocument[]): { count: number; unpaid: number; orderIds: string[] } {
  const open = orders.filter((order) => order.amount - order.paid > 0);
  return { count: open.length, unpaid: open.reduce((sum, o) => sum + (o.amount - o.paid), 0), orderIds: open.map((o) => o.orderId) };
}
