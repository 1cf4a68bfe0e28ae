import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { loadItems, marshalItem } from '../../bench/harness/bulk-load-client.ts';
import { withEmbeddedStack } from '../../bench/harness/embedded.ts';
import { seedGovernmentYear } from '../../bench/harness/settlement-seed.ts';
import type { SeedWriter } from '../../bench/harness/settlement-seed.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';

type Item = Record<string, unknown>;

/** Every item of the table, and of its journal index, in key order. */
async function everything(indexName?: string): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new ScanCommand({ TableName: tableName(), ...(indexName ? { IndexName: indexName } : {}), ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  const key = (item: Item) => `${item.pk}\u0000${item.sk}\u0000${item.gsi1pk ?? ''}\u0000${item.gsi1sk ?? ''}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A small government-year seeded one way in a fresh embedded stack (engines in this process). */
const seeded = (via: SeedWriter) =>
  withEmbeddedStack(async () => {
    const year = await seedGovernmentYear({ gov: '11000', year: 2026, lines: 40, postings: 400 }, via);
    return { year, items: await everything(), journal: await everything('gsi1') };
  }, 'in-process');

describe('the bench seeding door of the embedded engine (section 5, issue #21)', () => {
  it('stores exactly the items, and index entries, that BatchWriteItem of the same seed stores', async () => {
    const written = await seeded('batch-write');
    const loaded = await seeded('load');
    expect(loaded.year.postingRecords).toBe(400);
    expect(written.items.length).toBeGreaterThan(400);
    expect(loaded.items).toEqual(written.items);
    // The journal index also holds the registry's entries.
    expect(written.journal.length).toBeGreaterThanOrEqual(written.year.journalRecords);
    expect(loaded.journal).toEqual(written.journal);
  });

  it('replaces an item as a put does: its old index entry goes, the new one is queryable', async () => {
    await withEmbeddedStack(async () => {
      const byIndex = async (gsi1pk: string) =>
        (
          await dynamoClient().send(
            new QueryCommand({
              TableName: tableName(),
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk',
              ExpressionAttributeValues: { ':pk': gsi1pk },
            }),
          )
        ).Items ?? [];
      await loadItems([{ pk: 'T#1', sk: 'A', gsi1pk: 'OLD', gsi1sk: '1', amount: 1, nested: { list: [1, 'two', true, null] } }]);
      await loadItems([{ pk: 'T#1', sk: 'A', gsi1pk: 'NEW', gsi1sk: '1', amount: 2, gone: undefined }]);
      expect(await byIndex('OLD')).toEqual([]);
      expect(await byIndex('NEW')).toEqual([{ pk: 'T#1', sk: 'A', gsi1pk: 'NEW', gsi1sk: '1', amount: 2 }]);
      // What BatchWriteItem would refuse is refused, not stored under a broken key.
      await expect(loadItems([{ sk: 'no partition key' }])).rejects.toThrow(/pk is not of type S/);
      await expect(loadItems([{ pk: 'T#2', sk: 'B', gsi1pk: 7, gsi1sk: '1' }])).rejects.toThrow(/gsi1pk is not of type S/);
    }, 'in-process');
  });

  it('marshals what the document client marshals and refuses what it would have to guess', () => {
    expect(marshalItem({ s: 'x', n: 1.5, b: false, z: null, l: [1, { m: 'y' }], u: undefined })).toEqual({
      s: { S: 'x' },
      n: { N: '1.5' },
      b: { BOOL: false },
      z: { NULL: true },
      l: { L: [{ N: '1' }, { M: { m: { S: 'y' } } }] },
    });
    expect(() => marshalItem({ set: new Set(['a']) })).toThrow(/does not marshal/);
    expect(() => marshalItem({ n: Number.NaN })).toThrow(/not a DynamoDB number/);
  });
});
