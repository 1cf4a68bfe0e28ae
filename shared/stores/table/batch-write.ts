import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';

/**
 * Writes many independent items with BatchWriteItem: chunks of 25, `parallel` chunks in flight,
 * unprocessed items retried. Used only where the items are invisible until a later conditional
 * commit (staged import generations) or are idempotent puts of new items. Answers the write units
 * the writes consumed (as the service reports them).
 */
export async function batchWrite(
  requests: readonly ({ PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } })[],
  parallel = 16,
): Promise<number> {
  let units = 0;
  const chunks: (typeof requests)[] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++] ?? [];
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await backoff(attempt);
        const { UnprocessedItems, ConsumedCapacity } = await dynamoClient().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: [...pending] }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        units += (ConsumedCapacity ?? []).reduce((sum, consumed) => sum + (consumed.CapacityUnits ?? 0), 0);
        pending = (UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, worker));
  return units;
}

/** Exponential backoff between retries of throttled batch items (DynamoDB's advice for UnprocessedItems). */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

/** Runs `task` over `items` with at most `parallel` in flight. */
export async function forEachParallel<T>(items: readonly T[], parallel: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
