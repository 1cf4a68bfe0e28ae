import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { AdvanceOrder } from '#shared/domain/advance-posting.ts';
import { fiscalDates } from '#shared/domain/fiscal-calendar/calendar.ts';
import { ledgerPartition } from '#shared/stores/execution/ledger-index.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { batchGet } from '#shared/stores/table/batch-get.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/** An order document as an advance (its `advance` attribute set by the 지출결의), else undefined. */
export const advanceOrderOf = (orderId: string, item: Record<string, unknown> | undefined): AdvanceOrder | undefined => {
  if (item?.kind !== 'order' || (item.advance !== 'petty-cash' && item.advance !== 'estimate')) return undefined;
  return {
    orderId,
    form: item.advance,
    ...(item.advanceItem === undefined ? {} : { item: Number(item.advanceItem) }),
    lineId: String(item.lineId),
    amount: Number(item.amount ?? 0),
    paid: Number(item.paid ?? 0),
    settled: Number(item.settled ?? 0),
    returned: Number(item.returned ?? 0),
    cleared: Number(item.cleared ?? 0),
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
 * 완결 (the document ledger's book partition, one Query), then their documents (BatchGetItem), keeping
 * those of an advance.
 */
export async function readAdvanceOrders(gov: string, year: number): Promise<AdvanceOrder[]> {
  const { firstDay, completionDate } = fiscalDates(year);
  const lines = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    FilterExpression: '#kind = :order',
    ExpressionAttributeNames: { '#kind': 'kind' },
    ExpressionAttributeValues: {
      ':pk': ledgerPartition(gov, year, 'book', 'expenditure'),
      ':from': `${firstDay}#`,
      ':to': `${completionDate}#~`,
      ':order': 'order',
    },
  });
  const documents = await batchGet(lines.map((line) => documentKey(gov, String(line.postingId))));
  return [...documents.values()].flatMap((item) => advanceOrderOf(String(item.pk).slice(`DOC#${gov}#`.length), item) ?? []);
}
