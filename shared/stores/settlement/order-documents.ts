import type { OrderDocument } from '#shared/domain/settlement/unconfirmed-orders.ts';
import { readOrderItems } from '#shared/stores/execution/order-items.ts';

/** The payment orders of a government's 지출부 dated between two days, with what each ordered and the bank paid. */
export async function readOrderDocuments(gov: string, year: number, from: string, to: string): Promise<OrderDocument[]> {
  return (await readOrderItems(gov, year, from, to)).map(({ orderId, item }) => ({
    orderId,
    amount: Number(item.amount ?? 0),
    paid: Number(item.paid ?? 0),
  }));
}
