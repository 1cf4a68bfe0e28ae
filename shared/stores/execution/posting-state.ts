import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { planBatch } from '#shared/domain/execution/plan-batch.ts';
import type { BatchPlan } from '#shared/domain/execution/plan-batch.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Need, Snapshot, StoredResult } from '#shared/domain/execution/snapshot.ts';
import { emptySnapshot, needKey } from '#shared/domain/execution/snapshot.ts';
import { needItemKey } from '#shared/stores/execution/posting-keys.ts';
import { toControlledItem, toStoredResult } from '#shared/stores/execution/posting-items.ts';

/** Rounds of reads a plan may ask for (a batch normally needs one or two). */
const MAX_READ_ROUNDS = 6;

/** Reads what the rules ask for until the batch can be planned: strongly consistent BatchGets. */
export async function readAndPlan(messages: readonly PostingMessage[]): Promise<BatchPlan> {
  let snapshot = emptySnapshot();
  for (let round = 0; round < MAX_READ_ROUNDS; round++) {
    const result = planBatch(messages, snapshot);
    if ('plan' in result) return result.plan;
    snapshot = await readInto(snapshot, result.missing);
  }
  throw new Error(`a batch of ${messages.length} postings still needed state after ${MAX_READ_ROUNDS} reads`);
}

async function readInto(snapshot: Snapshot, needs: readonly Need[]): Promise<Snapshot> {
  const items = new Map(snapshot.items);
  const results = new Map(snapshot.results);
  const markers = new Map(snapshot.markers);
  const found = await batchGet(needs.map(needItemKey));
  for (const need of needs) {
    const key = needItemKey(need);
    const item = found.get(`${key.pk}\u0000${key.sk}`);
    const id = needKey(need);
    if (need.type === 'item') items.set(id, item ? toControlledItem(need.target, item) : (null as ControlledItem | null));
    else if (need.type === 'result') results.set(id, item ? toStoredResult(item) : (null as StoredResult | null));
    else markers.set(id, item !== undefined);
  }
  return { items, results, markers };
}

async function batchGet(keys: readonly { pk: string; sk: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const table = tableName();
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    while (pending.length > 0) {
      const page = await dynamoClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of page.Responses?.[table] ?? []) found.set(`${item.pk}\u0000${item.sk}`, item);
      pending = page.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return found;
}
