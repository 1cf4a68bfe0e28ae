/**
 * Concurrency storm on the embedded engine: many clients run conditional debit
 * transactions against a few shared balances while others hit the same items with
 * single-item writes. Checks atomicity (no lost updates, no partial transactions),
 * isolation from single-item writes, and cancellation reasons. Plus persistence.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItem,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoEngine, startDynamoEngine } from '#infra/embedded/dynamodb-engine.ts';
import { dynamoClient } from '#test/conformance/support.ts';

const TABLE = 'storm';
const ACCOUNTS = ['acc-0', 'acc-1', 'acc-2', 'acc-3'];
const INITIAL = 15000;
const CLIENTS = 8;
const TXNS_PER_CLIENT = 400;
const SINGLE_WRITERS = 2;
const SINGLE_WRITES_PER_WRITER = 400;

// Deterministic PRNG so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('transaction storm', () => {
  let engine: DynamoEngine;
  const clients: DynamoDBClient[] = [];

  beforeAll(async () => {
    engine = await startDynamoEngine();
    for (let i = 0; i < CLIENTS + SINGLE_WRITERS + 1; i++) clients.push(dynamoClient(engine.endpoint));
    const admin = clients[CLIENTS + SINGLE_WRITERS]!;
    await admin.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    for (const pk of ACCOUNTS) {
      await admin.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: pk }, bal: { N: String(INITIAL) } } }));
    }
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await engine?.stop();
  });

  it('keeps balances exact and never negative under concurrent debits and single-item writes', async () => {
    const debited = new Map(ACCOUNTS.map((a) => [a, 0]));
    const stats = { committed: 0, cancelled: 0, failedActions: 0 };
    const singleWrites = new Map(ACCOUNTS.map((a) => [a, 0]));
    const problems: string[] = [];

    const transactor = async (client: DynamoDBClient, id: number) => {
      const random = rng(1000 + id);
      for (let n = 0; n < TXNS_PER_CLIENT; n++) {
        // one or two distinct accounts, random amounts: balances run dry part-way through
        const first = Math.floor(random() * ACCOUNTS.length);
        const picks = [ACCOUNTS[first]!];
        if (random() < 0.5) picks.push(ACCOUNTS[(first + 1 + Math.floor(random() * 3)) % ACCOUNTS.length]!);
        const amounts = picks.map(() => 1 + Math.floor(random() * 40));
        const logKey = `log-${id}-${n}`;
        const items: TransactWriteItem[] = [
          ...picks.map((pk, i) => ({
            Update: {
              TableName: TABLE,
              Key: { pk: { S: pk } },
              UpdateExpression: 'SET bal = bal - :amt',
              ConditionExpression: 'bal >= :amt',
              ExpressionAttributeValues: { ':amt': { N: String(amounts[i]) } },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
            },
          })),
          {
            Put: {
              TableName: TABLE,
              Item: { pk: { S: logKey }, kind: { S: 'log' }, accounts: { SS: picks } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ];
        try {
          await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
          stats.committed++;
          picks.forEach((pk, i) => {
            debited.set(pk, debited.get(pk)! + amounts[i]!);
          });
        } catch (err) {
          if (!(err instanceof TransactionCanceledException)) {
            problems.push(`unexpected error ${(err as Error).name}: ${(err as Error).message}`);
            continue;
          }
          stats.cancelled++;
          const reasons = err.CancellationReasons ?? [];
          if (reasons.length !== items.length) problems.push(`reasons length ${reasons.length} != ${items.length}`);
          // The log Put always satisfies its condition.
          if (reasons[items.length - 1]?.Code !== 'None') problems.push(`log put reason ${reasons.at(-1)?.Code}`);
          let failing = 0;
          picks.forEach((pk, i) => {
            const r = reasons[i];
            if (r?.Code === 'ConditionalCheckFailed') {
              failing++;
              // ALL_OLD shows the balance the condition saw: it must really be short.
              const seen = Number(r.Item?.bal?.N);
              if (!(seen < amounts[i]!)) problems.push(`${pk}: failed with balance ${seen} >= ${amounts[i]}`);
              if (r.Item?.pk?.S !== pk) problems.push(`${pk}: reason item is ${r.Item?.pk?.S}`);
            } else if (r?.Code !== 'None') {
              problems.push(`${pk}: reason ${r?.Code}`);
            }
          });
          if (failing === 0) problems.push('cancelled without a failing condition');
          stats.failedActions += failing;
        }
      }
    };

    const singleWriter = async (client: DynamoDBClient, id: number) => {
      const random = rng(5000 + id);
      for (let n = 0; n < SINGLE_WRITES_PER_WRITER; n++) {
        const pk = ACCOUNTS[Math.floor(random() * ACCOUNTS.length)]!;
        await client.send(
          new UpdateItemCommand({
            TableName: TABLE,
            Key: { pk: { S: pk } },
            UpdateExpression: 'ADD hits :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          }),
        );
        singleWrites.set(pk, singleWrites.get(pk)! + 1);
      }
    };

    const started = performance.now();
    await Promise.all([
      ...clients.slice(0, CLIENTS).map((c, i) => transactor(c, i)),
      ...clients.slice(CLIENTS, CLIENTS + SINGLE_WRITERS).map((c, i) => singleWriter(c, i)),
    ]);
    const seconds = (performance.now() - started) / 1000;
    const total = stats.committed + stats.cancelled;
    console.info(
      `storm: ${total} transactions (${stats.committed} committed, ${stats.cancelled} cancelled) + ` +
        `${SINGLE_WRITERS * SINGLE_WRITES_PER_WRITER} single writes in ${seconds.toFixed(2)} s = ` +
        `${(total / seconds).toFixed(0)} transactions/s`,
    );

    expect(problems).toEqual([]);
    expect(total).toBe(CLIENTS * TXNS_PER_CLIENT);
    // the storm must exercise both outcomes
    expect(stats.committed).toBeGreaterThan(100);
    expect(stats.cancelled).toBeGreaterThan(100);

    const admin = clients[CLIENTS + SINGLE_WRITERS]!;
    for (const pk of ACCOUNTS) {
      const { Item } = await admin.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk } }, ConsistentRead: true }));
      const bal = Number(Item?.bal?.N);
      expect(bal, pk).toBe(INITIAL - debited.get(pk)!);
      expect(bal, pk).toBeGreaterThanOrEqual(0);
      // no single-item write was lost to a transaction's read-modify-write, and vice versa
      expect(Number(Item?.hits?.N ?? 0), pk).toBe(singleWrites.get(pk));
    }
    // all-or-nothing: exactly one log item per committed transaction
    let logs = 0;
    let start: Record<string, never> | undefined;
    do {
      const page = await admin.send(
        new ScanCommand({
          TableName: TABLE,
          FilterExpression: 'kind = :log',
          ExpressionAttributeValues: { ':log': { S: 'log' } },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      logs += page.Count ?? 0;
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    expect(logs).toBe(stats.committed);
  });
});

describe('persistence', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hojo-dynamo-'));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps tables, items and index entries across stop/start on the same path', async () => {
    const path = join(dir, 'db');
    const first = await startDynamoEngine({ path });
    const c1 = dynamoClient(first.endpoint);
    await c1.send(
      new CreateTableCommand({
        TableName: 'persist',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    await c1.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'persist', Item: { pk: { S: 'a' }, status: { S: 'open' }, bal: { N: '10' } } } },
          { Put: { TableName: 'persist', Item: { pk: { S: 'b' }, status: { S: 'open' }, bal: { N: '20' } } } },
        ],
      }),
    );
    await c1.send(
      new UpdateItemCommand({
        TableName: 'persist',
        Key: { pk: { S: 'b' } },
        UpdateExpression: 'SET #s = :c',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':c': { S: 'closed' } },
      }),
    );
    c1.destroy();
    await first.stop();

    const second = await startDynamoEngine({ path });
    const c2 = dynamoClient(second.endpoint);
    try {
      const a = await c2.send(new GetItemCommand({ TableName: 'persist', Key: { pk: { S: 'a' } } }));
      expect(a.Item).toEqual({ pk: { S: 'a' }, status: { S: 'open' }, bal: { N: '10' } });
      const open = await c2.send(
        new QueryCommand({
          TableName: 'persist',
          IndexName: 'byStatus',
          KeyConditionExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': { S: 'open' } },
        }),
      );
      expect(open.Items?.map((i) => i.pk?.S)).toEqual(['a']);
      // the reopened store is writable and transactional
      await c2.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: 'persist',
                Key: { pk: { S: 'a' } },
                UpdateExpression: 'SET bal = bal - :x',
                ConditionExpression: 'bal >= :x',
                ExpressionAttributeValues: { ':x': { N: '4' } },
              },
            },
          ],
        }),
      );
      const after = await c2.send(new GetItemCommand({ TableName: 'persist', Key: { pk: { S: 'a' } } }));
      expect(after.Item?.bal).toEqual({ N: '6' });
    } finally {
      c2.destroy();
      await second.stop();
    }
  });
});
