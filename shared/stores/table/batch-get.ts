import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Item } from '#shared/stores/table/query-all.ts';

export interface TableKey {
  readonly pk: string;
  readonly sk: string;
}

/** The text a found item is keyed by in `batchGet`' answer. */
export const keyOf = (key: { readonly pk?: unknown; readonly sk?: unknown }): string => `${key.pk}|${key.sk}`;

/**
 * Items by key: BatchGetItem, 100 keys a call, the unprocessed keys asked again until none is left;
 * a key named twice is read once (the service refuses duplicates in one call). Keyed by `keyOf`;
 * an absent item is missing from the map. `consistent` asks for strongly consistent reads.
 */
export async function batchGet(keys: readonly TableKey[], { consistent = false } = {}): Promise<Map<string, Item>> {
  const table = tableName();
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((key) => [keyOf(key), { pk: key.pk, sk: key.sk }])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    while (pending.length > 0) {
      const page = await dynamoClient().send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } } }),
      );
      for (const item of page.Responses?.[table] ?? []) found.set(keyOf(item), item);
      pending = page.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return found;
}
