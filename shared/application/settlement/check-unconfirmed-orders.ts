import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { unconfirmedOrderReads, unconfirmedOrders } from '#shared/domain/settlement/unconfirmed-orders.ts';
import type { OrderDocument } from '#shared/domain/settlement/unconfirmed-orders.ts';

export interface UnconfirmedOrderPorts {
  orders(gov: string, year: number, from: string, to: string): Promise<OrderDocument[]>;
  metric(job: ClosingJob, name: string, value: number, unit: 'Count' | 'None'): Promise<void>;
}

/**
 * After a daily closing: counts the payment orders of the window before its day (in its own fiscal
 * year's ledger and, early in the year, the old year's) that the treasury
 * bank has not paid (shared/domain/settlement/unconfirmed-orders.ts) into `PaymentOrdersUnconfirmed`
 * (alarm above 0, shared/alarms.ts). Zero is emitted too, so the metric shows the check ran.
 */
export async function checkUnconfirmedOrders(job: ClosingJob, ports: UnconfirmedOrderPorts): Promise<ReturnType<typeof unconfirmedOrders>> {
  // The old year's ledger too while its orders can fall in the window (late December, 출납정리).
  const reads = unconfirmedOrderReads(job.period.lastDay, job.period.year);
  const orders = await Promise.all(reads.map(({ year, from, to }) => ports.orders(job.gov, year, from, to)));
  const result = unconfirmedOrders(orders.flat());
  await ports.metric(job, 'PaymentOrdersUnconfirmed', result.count, 'Count');
  return result;
}
