import { ledgerPartition } from '#shared/stores/execution/ledger-index.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { batchGet } from '#shared/stores/table/batch-get.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/**
 * The payment orders of a government's 지출부 dated between two days (the document ledger's book
 * partition, one Query), as their document items (BatchGetItem, 100 keys a call), each with its
 * order id.
 */
export async function readOrderItems(
  gov: string,
  year: number,
  from: string,
  to: string,
): Promise<{ readonly orderId: string; readonly item: Record<string, unknown> }[]> {
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
  const documents = await batchGet(lines.map((line) => documentKey(gov, String(line.postingId))));
  return [...documents.values()]
    .filter((item) => item.kind === 'order')
    .map((item) => ({ orderId: String(item.pk).slice(`DOC#${gov}#`.length), item }));
}
