import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { AdvanceOrder } from '#shared/domain/advance-posting.ts';
import { fiscalDates } from '#shared/domain/fiscal-calendar/calendar.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { readOrderItems } from '#shared/stores/execution/order-items.ts';
import { numbersOf } from '#shared/stores/table/records.ts';

/** An order document as an advance (its `advance` attribute set by the 지출결의), else undefined. */
export const advanceOrderOf = (orderId: string, item: Record<string, unknown> | undefined): AdvanceOrder | undefined => {
  if (item?.kind !== 'order' || (item.advance !== 'petty-cash' && item.advance !== 'estimate')) return undefined;
  return {
    orderId,
    form: item.advance,
    ...(item.advanceItem === undefined ? {} : { item: Number(item.advanceItem) }),
    lineId: String(item.lineId),
    ...numbersOf(item, ['amount', 'paid', 'settled', 'returned', 'cleared']),
  };
};

/** The advance order `orderId` of the government (consistent read), or undefined when it is none. */
export async function readAdvanceOrder(gov: string, orderId: string): Promise<AdvanceOrder | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: documentKey(gov, orderId), ConsistentRead: true }),
  );
  return advanceOrderOf(orderId, Item);
}

/**
 * The advance orders of a government's year: its 지출부's orders dated from 1 January to the 출납사무
 * 완결 (order-items.ts), keeping those of an advance.
 */
export async function readAdvanceOrders(gov: string, year: number): Promise<AdvanceOrder[]> {
  const { firstDay, completionDate } = fiscalDates(year);
  const orders = await readOrderItems(gov, year, firstDay, completionDate);
  return orders.flatMap(({ orderId, item }) => advanceOrderOf(orderId, item) ?? []);
}
