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
