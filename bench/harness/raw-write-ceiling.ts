import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { forEachConcurrently } from './concurrency.ts';
import { perSecond } from './stats.ts';

export interface WriteCeiling {
  readonly items: number;
  readonly ms: number;
  readonly itemsPerSecond: number;
}

/**
 * The embedded engine's raw write ceiling: BatchWriteItem of posting-sized items (25 a request,
 * `workers` requests in flight) over many partitions, with unprocessed items retried. No conditions,
 * no transactions, no queue: the most items per second this engine takes on this machine.
 */
export async function measureRawWriteCeiling(items: number, workers = 8): Promise<WriteCeiling> {
  const batches = Array.from({ length: Math.ceil(items / 25) }, (_, batch) => batch);
  const table = tableName();
  const started = performance.now();
  await forEachConcurrently(batches, workers, async (batch) => {
    let requests = Array.from({ length: Math.min(25, items - batch * 25) }, (_, offset) => ({
      PutRequest: { Item: postingLikeItem(batch * 25 + offset) },
    }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await dynamoClient().send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  });
  const ms = performance.now() - started;
  return { items, ms, itemsPerSecond: perSecond(items, ms) };
}

/** About the size of an applied posting record: ids, amounts, dates, the acting official. */
function postingLikeItem(n: number): Record<string, unknown> {
  return {
    pk: `RAW#${n % 997}`,
    sk: `POSTING#${String(n).padStart(9, '0')}`,
    entity: 'raw-write-ceiling',
    gov: '11000',
    year: 2026,
    lineId: `L${n % 5000}`,
    kind: 'commitment',
    amount: 1_234_567 + n,
    businessKey: `bench-${n}-${'x'.repeat(24)}`,
    at: '2026-01-02T09:00:00.000Z',
    subject: 'bench-official',
  };
}
