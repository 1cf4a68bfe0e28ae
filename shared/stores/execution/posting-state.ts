import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { Need, Snapshot, StoredResult } from '#shared/domain/execution/snapshot.ts';
import { needKey } from '#shared/domain/execution/snapshot.ts';
import { needItemKey } from '#shared/stores/execution/posting-keys.ts';
import { toControlledItem, toStoredResult } from '#shared/stores/execution/posting-items.ts';

/**
 * Reads what the posting rules asked for (strongly consistent BatchGets) into a new snapshot: items
 * and results found or absent (null), markers present or not.
 */
export async function readNeeds(snapshot: Snapshot, needs: readonly Need[]): Promise<Snapshot> {
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
