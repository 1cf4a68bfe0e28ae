import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { OrderDocument } from '#shared/domain/settlement/unconfirmed-orders.ts';
import { ledgerPartition } from '#shared/stores/execution/ledger-index.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/**
 * The payment orders of a government's 지출부 dated between two days (the document ledger's book
 * partition, one Query), with their documents' counters (BatchGetItem, 100 keys a call).
 */
export async function readOrderDocuments(gov: string, year: number, from: string, to: string): Promise<OrderDocument[]> {
  const lines = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    FilterExpression: '#kind = :order',
    ExpressionAttributeNames: { '#kind': 'kind' },
    ExpressionAttributeValues: {
      ':pk': ledgerPartition(gov, year, 'book', 'expenditure'),
      ':from': `${from}#`,
      ':to': `${to}#~`,
      ':order': 'order',
    },
  });
  const ids = [...new Set(lines.map((line) => String(line.postingId)))];
  const table = tableName();
  const orders: OrderDocument[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] = ids.slice(i, i + 100).map((id) => documentKey(gov, id));
    while (keys.length > 0) {
      const page = await dynamoClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }));
      for (const item of page.Responses?.[table] ?? []) {
        if (item.kind !== 'order') continue;
        orders.push({
          orderId: String(item.pk).slice(`DOC#${gov}#`.length),
          amount: Number(item.amount ?? 0),
          paid: Number(item.paid ?? 0),
        });
      }
      keys = page.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return orders;
}
