import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { queryAll, queryPrefix } from '#shared/stores/table/query-all.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const PAGED = 'QA#paged';
const LARGE = 'QA#large';
const sortKey = (n: number) => `ITEM#${String(n).padStart(3, '0')}`;
const range = (count: number) => Array.from({ length: count }, (_, n) => n);
const ITEMS = 25;
const LARGE_ITEMS = 30;
/** 40 KB each: 30 of them are more than the 1 MB a single Query page can return. */
const payload = 'x'.repeat(40 * 1024);

beforeAll(async () => {
  await batchWrite([
    ...range(ITEMS).map((n) => ({
      PutRequest: { Item: { pk: PAGED, sk: sortKey(n), n, label: `item ${n}`, gsi1pk: 'QA#index', gsi1sk: sortKey(n) } },
    })),
    ...range(3).map((n) => ({ PutRequest: { Item: { pk: PAGED, sk: `OTHER#${n}`, n } } })),
    ...range(3).map((n) => ({ PutRequest: { Item: { pk: 'QA#neighbour', sk: sortKey(n), n } } })),
    ...range(LARGE_ITEMS).map((n) => ({ PutRequest: { Item: { pk: LARGE, sk: sortKey(n), n, payload } } })),
  ]);
});

/** One Query page, as a caller without the helper would get it. */
const firstPage = (input: { pk: string; Limit?: number }) =>
  dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': input.pk },
      ...(input.Limit ? { Limit: input.Limit } : {}),
    }),
  );

const sortKeys = (items: readonly Record<string, unknown>[]) => items.map((item) => item.sk);

describe('queryAll', () => {
  it('follows LastEvaluatedKey past the 1 MB page limit and returns every item in key order', async () => {
    const page = await firstPage({ pk: LARGE });
    expect(page.LastEvaluatedKey).toBeDefined();
    expect(page.Items?.length).toBeLessThan(LARGE_ITEMS);

    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': LARGE } });
    expect(sortKeys(items)).toEqual(range(LARGE_ITEMS).map(sortKey));
    expect(items.every((item) => item.payload === payload)).toBe(true);
  });

  it('treats Limit as the page size, not the number of items returned', async () => {
    const page = await firstPage({ pk: PAGED, Limit: 4 });
    expect(page.Items).toHaveLength(4);
    expect(page.LastEvaluatedKey).toBeDefined();

    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PAGED, ':prefix': 'ITEM#' },
      Limit: 4,
    });
    expect(sortKeys(items)).toEqual(range(ITEMS).map(sortKey));
  });

  it('keeps ScanIndexForward across pages', async () => {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PAGED, ':prefix': 'ITEM#' },
      ScanIndexForward: false,
      Limit: 4,
    });
    expect(sortKeys(items)).toEqual(range(ITEMS).map(sortKey).reverse());
  });

  it('pages through a global secondary index', async () => {
    const items = await queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'QA#index' },
      Limit: 6,
    });
    expect(sortKeys(items)).toEqual(range(ITEMS).map(sortKey));
  });

  it('queries the table it is given instead of the default one', async () => {
    await expect(
      queryAll({ TableName: `${tableName()}-missing`, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PAGED } }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('queryPrefix', () => {
  it('returns only the partition items whose sort key starts with the prefix', async () => {
    expect(sortKeys(await queryPrefix(PAGED, 'OTHER#'))).toEqual(['OTHER#0', 'OTHER#1', 'OTHER#2']);
    expect(sortKeys(await queryPrefix(PAGED, 'ITEM#01', { Limit: 4 }))).toEqual(range(10).map((n) => sortKey(10 + n)));
    expect(await queryPrefix(PAGED, 'NONE#')).toEqual([]);
  });

  it('keeps reading past pages that the filter empties, with the caller’s attribute values merged in', async () => {
    const items = await queryPrefix(PAGED, 'ITEM#', {
      FilterExpression: '#n >= :from',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':from': 20 },
      Limit: 3,
    });
    expect(items.map((item) => item.n)).toEqual([20, 21, 22, 23, 24]);
  });

  it('applies a projection to every page', async () => {
    const items = await queryPrefix(PAGED, 'ITEM#', {
      ProjectionExpression: '#label',
      ExpressionAttributeNames: { '#label': 'label' },
      ConsistentRead: true,
      Limit: 10,
    });
    expect(items).toEqual(range(ITEMS).map((n) => ({ label: `item ${n}` })));
  });
});
