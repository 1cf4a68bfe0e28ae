/**
 * Embedded engine specifics that moto cannot arbitrate: lifecycle, transactional
 * capacity accounting, size limits, local secondary indexes, request validation.
 */
import {
  CreateTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoEngine, startDynamoEngine } from '#infra/embedded/dynamodb-engine.ts';
import { dynamoClient } from '#test/conformance/support.ts';

let engine: DynamoEngine;
let db: DynamoDBClient;

beforeAll(async () => {
  engine = await startDynamoEngine();
  db = dynamoClient(engine.endpoint);
  await db.send(
    new CreateTableCommand({
      TableName: 'books',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'amount', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byAmount',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'amount', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
});

afterAll(async () => {
  db?.destroy();
  await engine?.stop();
});

const S = (s: string) => ({ S: s });
const N = (n: number) => ({ N: String(n) });

describe('lifecycle', () => {
  it('listens on 127.0.0.1 with a free port and reports it in the endpoint', () => {
    expect(engine.port).toBeGreaterThan(0);
    expect(engine.endpoint).toBe(`http://127.0.0.1:${engine.port}`);
  });

  it('fails with an error naming the port when the port is taken', async () => {
    await expect(startDynamoEngine({ port: engine.port })).rejects.toThrow(`port ${engine.port}`);
  });

  it('stop() is idempotent and frees the port', async () => {
    const other = await startDynamoEngine();
    await other.stop();
    await other.stop();
    const again = await startDynamoEngine({ port: other.port });
    expect(again.port).toBe(other.port);
    await again.stop();
  });
});

describe('transaction capacity (ReturnConsumedCapacity)', () => {
  it('charges 2 write units per KB per item, plus standard index writes', async () => {
    const out = await db.send(
      new TransactWriteItemsCommand({
        ReturnConsumedCapacity: 'INDEXES',
        TransactItems: [
          // ~1.5 KB item: 2 KB rounded -> 4 units; GSI (keys only) 1, LSI (all) 2
          {
            Put: {
              TableName: 'books',
              Item: { pk: S('cap'), sk: S('1'), status: S('open'), amount: N(5), memo: S('x'.repeat(1500)) },
            },
          },
          // small item, no index attributes: 2 units, no index writes
          { Put: { TableName: 'books', Item: { pk: S('cap'), sk: S('2') } } },
          // a ConditionCheck is billed as a transactional write of the item
          { ConditionCheck: { TableName: 'books', Key: { pk: S('cap'), sk: S('3') }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    expect(out.ConsumedCapacity).toEqual([
      {
        TableName: 'books',
        CapacityUnits: 11,
        WriteCapacityUnits: 11,
        Table: { CapacityUnits: 8, WriteCapacityUnits: 8 },
        GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 1, WriteCapacityUnits: 1 } },
        LocalSecondaryIndexes: { byAmount: { CapacityUnits: 2, WriteCapacityUnits: 2 } },
      },
    ]);

    const total = await db.send(
      new TransactWriteItemsCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [{ Delete: { TableName: 'books', Key: { pk: S('cap'), sk: S('2') } } }],
      }),
    );
    expect(total.ConsumedCapacity).toEqual([{ TableName: 'books', CapacityUnits: 2, WriteCapacityUnits: 2 }]);

    const none = await db.send(
      new TransactWriteItemsCommand({ TransactItems: [{ Delete: { TableName: 'books', Key: { pk: S('cap'), sk: S('2') } } }] }),
    );
    expect(none.ConsumedCapacity).toBeUndefined();
  });

  it('charges 2 read units per 4 KB per item for TransactGetItems', async () => {
    await db.send(new PutItemCommand({ TableName: 'books', Item: { pk: S('rd'), sk: S('big'), memo: S('y'.repeat(5000)) } }));
    const out = await db.send(
      new TransactGetItemsCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [
          { Get: { TableName: 'books', Key: { pk: S('rd'), sk: S('big') } } },
          { Get: { TableName: 'books', Key: { pk: S('rd'), sk: S('missing') } } },
        ],
      }),
    );
    expect(out.ConsumedCapacity).toEqual([{ TableName: 'books', CapacityUnits: 6, ReadCapacityUnits: 6 }]);
  });
});

describe('indexes', () => {
  it('maintains LSI and keys-only GSI entries on transactional updates and deletes', async () => {
    await db.send(
      new TransactWriteItemsCommand({
        TransactItems: [1, 2, 3].map((i) => ({
          Put: { TableName: 'books', Item: { pk: S('lsi'), sk: S(`s${i}`), amount: N(10 * (4 - i)), status: S('idx-open') } },
        })),
      }),
    );
    await db.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName: 'books',
              Key: { pk: S('lsi'), sk: S('s1') },
              UpdateExpression: 'SET amount = :a REMOVE #s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':a': N(5) },
            },
          },
          { Delete: { TableName: 'books', Key: { pk: S('lsi'), sk: S('s2') } } },
        ],
      }),
    );
    const byAmount = await db.send(
      new QueryCommand({
        TableName: 'books',
        IndexName: 'byAmount',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': S('lsi') },
      }),
    );
    expect(byAmount.Items?.map((i) => [i.sk?.S, i.amount?.N])).toEqual([
      ['s1', '5'],
      ['s3', '10'],
    ]);
    const open = await db.send(
      new QueryCommand({
        TableName: 'books',
        IndexName: 'byStatus',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': S('idx-open') },
      }),
    );
    expect(open.Items).toEqual([{ pk: S('lsi'), sk: S('s3'), status: S('idx-open') }]);
  });
});

describe('limits and validation', () => {
  const errorOf = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: Error) => ({ name: e.name, message: e.message }),
    );

  it('rejects transactions over 4 MB aggregate and applies nothing', async () => {
    const blob = 'z'.repeat(390 * 1024);
    const err = await errorOf(
      db.send(
        new TransactWriteItemsCommand({
          TransactItems: Array.from({ length: 11 }, (_, i) => ({
            Put: { TableName: 'books', Item: { pk: S('big'), sk: S(String(i)), blob: S(blob) } },
          })),
        }),
      ),
    );
    expect(err?.name).toBe('ValidationException');
    expect(err?.message).toMatch(/4 MB/);
    const first = await db.send(new GetItemCommand({ TableName: 'books', Key: { pk: S('big'), sk: S('0') } }));
    expect(first.Item).toBeUndefined();
  });

  it('rejects an element with two actions, a ConditionCheck without condition, and duplicate Gets', async () => {
    const both = await errorOf(
      db.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: { TableName: 'books', Item: { pk: S('v'), sk: S('1') } },
              Delete: { TableName: 'books', Key: { pk: S('v'), sk: S('2') } },
            },
          ],
        }),
      ),
    );
    expect(both?.name).toBe('ValidationException');
    const noCondition = await errorOf(
      db.send(
        new TransactWriteItemsCommand({
          TransactItems: [{ ConditionCheck: { TableName: 'books', Key: { pk: S('v'), sk: S('1') } } as never }],
        }),
      ),
    );
    expect(noCondition?.name).toBe('ValidationException');
    const dupGet = await errorOf(
      db.send(
        new TransactGetItemsCommand({
          TransactItems: [
            { Get: { TableName: 'books', Key: { pk: S('v'), sk: S('1') } } },
            { Get: { TableName: 'books', Key: { pk: S('v'), sk: S('1') } } },
          ],
        }),
      ),
    );
    expect(dupGet).toEqual({ name: 'ValidationException', message: 'Transaction request cannot include multiple operations on one item' });
  });

  it('reports an invalid update (type mismatch) as a ValidationError cancellation reason', async () => {
    await db.send(new PutItemCommand({ TableName: 'books', Item: { pk: S('tm'), sk: S('1'), label: S('text') } }));
    const err = await db
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'books', Item: { pk: S('tm'), sk: S('2') } } },
            {
              Update: {
                TableName: 'books',
                Key: { pk: S('tm'), sk: S('1') },
                UpdateExpression: 'ADD label :one',
                ExpressionAttributeValues: { ':one': N(1) },
              },
            },
          ],
        }),
      )
      .catch((e: { name: string; CancellationReasons?: { Code?: string }[] }) => e);
    expect((err as { name: string }).name).toBe('TransactionCanceledException');
    expect((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.map((r) => r.Code)).toEqual([
      'None',
      'ValidationError',
    ]);
    const untouched = await db.send(new GetItemCommand({ TableName: 'books', Key: { pk: S('tm'), sk: S('2') } }));
    expect(untouched.Item).toBeUndefined();
  });
});
