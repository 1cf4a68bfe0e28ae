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

/** The record stored under `key`, read consistently (a use case decides on it), or undefined. */
export async function getRecord<T>(key: TableKey): Promise<T | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? recordOf<T>(Item) : undefined;
}
