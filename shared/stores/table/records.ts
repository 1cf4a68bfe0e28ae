import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { TableKey } from '#shared/stores/table/batch-get.ts';

/**
 * The record an item stores: the item without its key and `entity` attributes. Index keys
 * (`gsi1pk`…) stay: a store that writes the record back relies on them.
 */
export function recordOf<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, entity: _entity, ...record } = item;
  return record as T;
}

/**
 * Number attributes of an item, each 0 where the item has none (a counter never moved, or an item
 * written before the attribute existed).
 */
export function numbersOf<K extends string>(item: Record<string, unknown>, names: readonly K[]): Record<K, number> {
  return Object.fromEntries(names.map((name) => [name, Number(item[name] ?? 0)])) as Record<K, number>;
}

/** The record stored under `key`, read consistently (a use case decides on it), or undefined. */
export async function getRecord<T>(key: TableKey): Promise<T | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? recordOf<T>(Item) : undefined;
}
