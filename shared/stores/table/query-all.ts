import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';

export type Item = Record<string, NativeAttributeValue>;

/** A Query without its paging cursor; TableName defaults to the single table. `Limit` caps each page, not the result. */
export type QueryAllInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'> & { readonly TableName?: string };

/** What a prefix Query may add to the key condition (attribute values are merged with `:pk` and `:prefix`). */
export type QueryPrefixOptions = Omit<QueryAllInput, 'IndexName' | 'KeyConditionExpression'>;

/** Every item a Query matches, in key order: follows LastEvaluatedKey to the last page. */
export async function queryAll(input: QueryAllInput): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: Item | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({ ...input, TableName: input.TableName ?? tableName(), ExclusiveStartKey: cursor }),
    );
    // A page can hold thousands of small items: no spread into push (argument limit).
    for (const item of page.Items ?? []) items.push(item);
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

/** Every item of a base-table partition whose sort key starts with `prefix` (eventually consistent unless asked). */
export function queryPrefix(pk: string, prefix: string, options: QueryPrefixOptions = {}): Promise<Item[]> {
  return queryAll({
    ...options,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ...options.ExpressionAttributeValues, ':pk': pk, ':prefix': prefix },
  });
}
