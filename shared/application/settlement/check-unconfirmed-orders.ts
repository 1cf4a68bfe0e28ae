import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import { unconfirmedOrderWindow, unconfirmedOrders } from '#shared/domain/settlement/unconfirmed-orders.ts';
import type { OrderDocument } from '#shared/domain/settlement/unconfirmed-orders.ts';

export interface UnconfirmedOrderPorts {
  orders(gov: string, year: number, from: string, to: string): Promise<OrderDocument[]>;
  metric(job: ClosingJob, name: string, value: number, unit: 'Count' | 'None'): Promise<void>;
}

/**
 * After a daily closing: counts the payment orders of the window before its day that the treasury
 * bank has not paid (shared/domain/settlement/unconfirmed-orders.ts) into `PaymentOrdersUnconfirmed`
 * (alarm above 0, shared/alarms.ts). Zero is emitted too, so the metric shows the check ran.
 */
export async function checkUnconfirmedOrders(job: ClosingJob, ports: UnconfirmedOrderPorts): Promise<ReturnType<typeof unconfirmedOrders>> {
  const { from, to } = unconfirmedOrderWindow(job.period.lastDay);
  const result = unconfirmedOrders(await ports.orders(job.gov, job.period.year, from, to));
  await ports.metric(job, 'PaymentOrdersUnconfirmed', result.count, 'Count');
  return result;
}
