/**
 * DynamoDB conformance: every case runs against moto and the embedded engine and the
 * normalized responses (error name, cancellation reason codes, returned items and
 * attributes, query order) must be identical. Where moto deviates from real DynamoDB
 * the case says so and asserts the documented AWS behaviour on the engine instead.
 */
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type CreateTableCommandInput,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type TransactWriteItem,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Backends, conform, conformSteps, errorName, okValue, startBackends } from './support.ts';

const ACCOUNTS = 'cf_accounts';
const LEDGER = 'cf_ledger';
const NUMS = 'cf_nums';

const TABLES: CreateTableCommandInput[] = [
  {
    TableName: ACCOUNTS,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  },
  {
    TableName: LEDGER,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  },
  {
    TableName: NUMS,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'n', AttributeType: 'N' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'n', KeyType: 'RANGE' },
    ],
  },
];

let b: Backends;

beforeAll(async () => {
  b = await startBackends(TABLES);
});

afterAll(async () => {
  await b?.stop();
});

const S = (s: string) => ({ S: s });
const N = (n: number | string) => ({ N: String(n) });

const put = (be: Backend, table: string, item: Record<string, unknown>) =>
  be.client.send(new PutItemCommand({ TableName: table, Item: item as never }));
const get = (be: Backend, table: string, key: Record<string, unknown>) =>
  be.client.send(new GetItemCommand({ TableName: table, Key: key as never, ConsistentRead: true }));

describe('conditional writes', () => {
  it('PutItem attribute_not_exists: first wins, second fails; ALL_OLD on failure returns the item', async () => {
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('cw-1'), bal: N(10) }),
      (be) =>
        be.client.send(
          new PutItemCommand({
            TableName: ACCOUNTS,
            Item: { pk: S('cw-1'), bal: N(99) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      (be) =>
        be.client.send(
          new PutItemCommand({
            TableName: ACCOUNTS,
            Item: { pk: S('cw-1'), bal: N(99) },
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      (be) => get(be, ACCOUNTS, { pk: S('cw-1') }),
    ]);
    expect(errorName(out[1]!)).toBe('ConditionalCheckFailedException');
    expect(out[2]).toEqual({
      error: { name: 'ConditionalCheckFailedException', item: { pk: S('cw-1'), bal: N(10) } },
    });
    expect(okValue(out[3]!).Item).toEqual({ pk: S('cw-1'), bal: N(10) });
  });

  it('UpdateItem with a comparison condition and every ReturnValues variant', async () => {
    const update = (be: Backend, amount: number, rv: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW') =>
      be.client.send(
        new UpdateItemCommand({
          TableName: ACCOUNTS,
          Key: { pk: S('cw-2') },
          UpdateExpression: 'SET bal = bal - :amt, note = :note',
          ConditionExpression: 'bal >= :amt',
          ExpressionAttributeValues: { ':amt': N(amount), ':note': S(rv) },
          ReturnValues: rv,
        }),
      );
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('cw-2'), bal: N(100), owner: S('kim') }),
      (be) => update(be, 10, 'NONE'),
      (be) => update(be, 10, 'ALL_OLD'),
      (be) => update(be, 10, 'UPDATED_OLD'),
      (be) => update(be, 10, 'ALL_NEW'),
      (be) => update(be, 10, 'UPDATED_NEW'),
      (be) => update(be, 1000, 'ALL_NEW'),
      (be) =>
        be.client.send(
          new UpdateItemCommand({
            TableName: ACCOUNTS,
            Key: { pk: S('cw-2') },
            UpdateExpression: 'SET bal = :zero',
            ConditionExpression: 'bal > :limit',
            ExpressionAttributeValues: { ':zero': N(0), ':limit': N(500) },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
    ]);
    expect(okValue(out[1]!)).toEqual({});
    expect(okValue(out[2]!).Attributes).toEqual({ pk: S('cw-2'), bal: N(90), owner: S('kim'), note: S('NONE') });
    expect(okValue(out[3]!).Attributes).toEqual({ bal: N(80), note: S('ALL_OLD') });
    expect(okValue(out[4]!).Attributes).toEqual({ pk: S('cw-2'), bal: N(60), owner: S('kim'), note: S('ALL_NEW') });
    expect(okValue(out[5]!).Attributes).toEqual({ bal: N(50), note: S('UPDATED_NEW') });
    expect(errorName(out[6]!)).toBe('ConditionalCheckFailedException');
    expect(out[7]).toEqual({
      error: {
        name: 'ConditionalCheckFailedException',
        item: { pk: S('cw-2'), bal: N(50), owner: S('kim'), note: S('UPDATED_NEW') },
      },
    });
  });

  it('DeleteItem with condition, ALL_OLD, and on a missing item', async () => {
    const del = (be: Backend, expected: string) =>
      be.client.send(
        new DeleteItemCommand({
          TableName: ACCOUNTS,
          Key: { pk: S('cw-3') },
          ConditionExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':s': S(expected) },
          ReturnValues: 'ALL_OLD',
        }),
      );
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('cw-3'), state: S('draft') }),
      (be) => del(be, 'approved'),
      (be) => del(be, 'draft'),
      (be) => del(be, 'draft'),
      (be) => be.client.send(new DeleteItemCommand({ TableName: ACCOUNTS, Key: { pk: S('cw-3') }, ReturnValues: 'ALL_OLD' })),
    ]);
    expect(errorName(out[1]!)).toBe('ConditionalCheckFailedException');
    expect(okValue(out[2]!).Attributes).toEqual({ pk: S('cw-3'), state: S('draft') });
    expect(errorName(out[3]!)).toBe('ConditionalCheckFailedException');
    expect(okValue(out[4]!)).toEqual({});
  });
});

describe('update expressions', () => {
  it('SET, ADD (number and set), arithmetic, if_not_exists, list_append, REMOVE', async () => {
    const upd = (be: Backend, expr: string, values?: Record<string, unknown>) =>
      be.client.send(
        new UpdateItemCommand({
          TableName: ACCOUNTS,
          Key: { pk: S('ue-1') },
          UpdateExpression: expr,
          ...(values ? { ExpressionAttributeValues: values as never } : {}),
          ReturnValues: 'ALL_NEW',
        }),
      );
    const out = await conformSteps(b, [
      // ADD on a missing item creates it
      (be) => upd(be, 'ADD cnt :one', { ':one': N(1) }),
      (be) => upd(be, 'SET a = :a, tags = :tags, hist = :h', { ':a': N(5), ':tags': { SS: ['x'] }, ':h': { L: [N(1)] } }),
      (be) => upd(be, 'SET a = a + :x, b = if_not_exists(b, :init)', { ':x': N(7), ':init': N(100) }),
      (be) => upd(be, 'SET b = if_not_exists(b, :init), a = a - :x', { ':init': N(1), ':x': N(2) }),
      (be) => upd(be, 'ADD cnt :two, tags :more', { ':two': N(2), ':more': { SS: ['y', 'x'] } }),
      (be) => upd(be, 'SET hist = list_append(hist, :h)', { ':h': { L: [N(2)] } }),
      (be) => upd(be, 'REMOVE b, hist'),
      // arithmetic on a missing attribute is a validation error
      (be) => upd(be, 'SET z = nope + :x', { ':x': N(1) }),
    ]);
    expect(okValue(out[0]!).Attributes).toEqual({ pk: S('ue-1'), cnt: N(1) });
    expect(okValue(out[2]!).Attributes).toMatchObject({ a: N(12), b: N(100) });
    expect(okValue(out[3]!).Attributes).toMatchObject({ a: N(10), b: N(100) });
    expect(okValue(out[4]!).Attributes).toMatchObject({ cnt: N(3) });
    expect(okValue(out[5]!).Attributes).toMatchObject({ hist: { L: [N(1), N(2)] } });
    expect(okValue(out[6]!).Attributes).not.toHaveProperty('b');
    expect(errorName(out[7]!)).toBe('ValidationException');
  });
});

describe('transactions', () => {
  const debit = (pk: string, amount: number, rv?: 'ALL_OLD'): TransactWriteItem => ({
    Update: {
      TableName: ACCOUNTS,
      Key: { pk: S(pk) },
      UpdateExpression: 'SET bal = bal - :amt',
      ConditionExpression: 'bal >= :amt',
      ExpressionAttributeValues: { ':amt': N(amount) },
      ...(rv ? { ReturnValuesOnConditionCheckFailure: rv } : {}),
    },
  });

  it('commits all actions (Put, Update, Delete, ConditionCheck) across tables', async () => {
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('tx-1a'), bal: N(50) }),
      (be) => put(be, ACCOUNTS, { pk: S('tx-1gone'), bal: N(1) }),
      (be) => put(be, ACCOUNTS, { pk: S('tx-1guard'), open: { BOOL: true } }),
      (be) =>
        be.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              debit('tx-1a', 20),
              {
                Put: {
                  TableName: LEDGER,
                  Item: { pk: S('tx-1'), sk: S('J#001'), status: S('posted'), amt: N(20) },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              { Delete: { TableName: ACCOUNTS, Key: { pk: S('tx-1gone') } } },
              {
                ConditionCheck: {
                  TableName: ACCOUNTS,
                  Key: { pk: S('tx-1guard') },
                  ConditionExpression: '#o = :t',
                  ExpressionAttributeNames: { '#o': 'open' },
                  ExpressionAttributeValues: { ':t': { BOOL: true } },
                },
              },
            ],
          }),
        ),
      (be) => get(be, ACCOUNTS, { pk: S('tx-1a') }),
      (be) => get(be, LEDGER, { pk: S('tx-1'), sk: S('J#001') }),
      (be) => get(be, ACCOUNTS, { pk: S('tx-1gone') }),
    ]);
    expect(okValue(out[3]!)).toEqual({});
    expect(okValue(out[4]!).Item).toEqual({ pk: S('tx-1a'), bal: N(30) });
    expect(okValue(out[5]!).Item).toEqual({ pk: S('tx-1'), sk: S('J#001'), status: S('posted'), amt: N(20) });
    expect(okValue(out[6]!).Item).toBeUndefined();
  });

  it('cancels everything and reports one reason per action, with ALL_OLD items', async () => {
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('tx-2a'), bal: N(5) }),
      (be) => put(be, ACCOUNTS, { pk: S('tx-2b'), bal: N(100) }),
      (be) => put(be, ACCOUNTS, { pk: S('tx-2c'), bal: N(1) }),
      (be) =>
        be.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [debit('tx-2a', 10, 'ALL_OLD'), debit('tx-2b', 10), debit('tx-2c', 10), debit('tx-2missing', 1, 'ALL_OLD')],
          }),
        ),
      (be) => get(be, ACCOUNTS, { pk: S('tx-2b') }),
    ]);
    const ccf = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' };
    expect(out[3]).toEqual({
      error: {
        name: 'TransactionCanceledException',
        reasons: [{ ...ccf, Item: { pk: S('tx-2a'), bal: N(5) } }, { Code: 'None' }, ccf, ccf],
      },
    });
    // the passing debit on tx-2b was not applied
    expect(okValue(out[4]!).Item).toEqual({ pk: S('tx-2b'), bal: N(100) });
  });

  it('the error message lists the reason codes like DynamoDB', async () => {
    const messages: string[] = [];
    for (const be of [b.moto, b.engine]) {
      await put(be, ACCOUNTS, { pk: S('tx-3'), bal: N(0) });
      const err = await be.client
        .send(new TransactWriteItemsCommand({ TransactItems: [debit('tx-3', 1), debit('tx-3b', 0)] }))
        .catch((e: Error) => e);
      messages.push((err as Error).message);
    }
    expect(messages[1]).toBe(messages[0]);
    expect(messages[1]).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, ConditionalCheckFailed]',
    );
  });

  it('rejects two actions on one item and more than 100 actions with ValidationException', async () => {
    const many: TransactWriteItem[] = Array.from({ length: 101 }, (_, i) => ({
      Put: { TableName: ACCOUNTS, Item: { pk: S(`tx-4-${i}`) } },
    }));
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('tx-4'), bal: N(10) }),
      (be) =>
        be.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              { Put: { TableName: ACCOUNTS, Item: { pk: S('tx-4x'), bal: N(1) } } },
              debit('tx-4', 1),
              { ConditionCheck: { TableName: ACCOUNTS, Key: { pk: S('tx-4') }, ConditionExpression: 'attribute_exists(pk)' } },
            ],
          }),
        ),
      (be) => be.client.send(new TransactWriteItemsCommand({ TransactItems: many })),
      (be) => get(be, ACCOUNTS, { pk: S('tx-4') }),
      (be) => get(be, ACCOUNTS, { pk: S('tx-4x') }),
      (be) => get(be, ACCOUNTS, { pk: S('tx-4-0') }),
    ]);
    expect(errorName(out[1]!)).toBe('ValidationException');
    expect(errorName(out[2]!)).toBe('ValidationException');
    expect(okValue(out[3]!).Item).toEqual({ pk: S('tx-4'), bal: N(10) });
    expect(okValue(out[4]!).Item).toBeUndefined();
    expect(okValue(out[5]!).Item).toBeUndefined();
  });

  it('rejects a transaction on a missing table with ResourceNotFoundException', async () => {
    const out = await conform(b, (be) =>
      be.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'cf_nope', Item: { pk: S('x') } } }] })),
    );
    expect(errorName(out)).toBe('ResourceNotFoundException');
  });

  it('the document client marshals a transaction identically', async () => {
    const out = await conformSteps(b, [
      (be) =>
        be.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: ACCOUNTS, Item: { pk: 'tx-5', bal: 7, tags: new Set(['a']) } } },
              {
                Update: {
                  TableName: LEDGER,
                  Key: { pk: 'tx-5', sk: 'J#1' },
                  UpdateExpression: 'SET #s = :s ADD n :one',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':s': 'draft', ':one': 1 },
                },
              },
            ],
          }),
        ),
      (be) => get(be, LEDGER, { pk: S('tx-5'), sk: S('J#1') }),
    ]);
    expect(okValue(out[1]!).Item).toEqual({ pk: S('tx-5'), sk: S('J#1'), status: S('draft'), n: N(1) });
  });

  // moto 5.2.1 ignores ClientRequestToken (it would apply the retry a second time), so
  // this case asserts the documented DynamoDB behaviour on the engine only: a retry
  // with the same token within 10 minutes succeeds without applying again; the same
  // token with different parameters fails with IdempotentParameterMismatchException.
  it('ClientRequestToken: idempotent retry and parameter mismatch (engine vs AWS docs)', async () => {
    const be = b.engine;
    await put(be, ACCOUNTS, { pk: S('tx-6'), bal: N(100) });
    const send = (amount: number) =>
      be.client.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: 'token-tx-6',
          ReturnConsumedCapacity: 'TOTAL',
          TransactItems: [debit('tx-6', amount)],
        }),
      );
    const first = await send(30);
    const retry = await send(30);
    expect(first.ConsumedCapacity).toEqual([{ TableName: ACCOUNTS, CapacityUnits: 2, WriteCapacityUnits: 2 }]);
    // a replay reads instead of writing: 2 read units per 4 KB item
    expect(retry.ConsumedCapacity).toEqual([{ TableName: ACCOUNTS, CapacityUnits: 2, ReadCapacityUnits: 2 }]);
    expect((await get(be, ACCOUNTS, { pk: S('tx-6') })).Item).toEqual({ pk: S('tx-6'), bal: N(70) });
    const mismatch = await send(31).catch((e: Error) => e);
    expect((mismatch as Error).name).toBe('IdempotentParameterMismatchException');
    expect((await get(be, ACCOUNTS, { pk: S('tx-6') })).Item).toEqual({ pk: S('tx-6'), bal: N(70) });
    // a cancelled transaction does not consume its token
    const failing = await be.client
      .send(new TransactWriteItemsCommand({ ClientRequestToken: 'token-tx-6b', TransactItems: [debit('tx-6', 1000)] }))
      .catch((e: Error) => e);
    expect((failing as Error).name).toBe('TransactionCanceledException');
    await be.client.send(new TransactWriteItemsCommand({ ClientRequestToken: 'token-tx-6b', TransactItems: [debit('tx-6', 10)] }));
    expect((await get(be, ACCOUNTS, { pk: S('tx-6') })).Item).toEqual({ pk: S('tx-6'), bal: N(60) });
  });

  it('TransactGetItems: items in request order, {} for missing items', async () => {
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('tg-1'), bal: N(3), owner: S('lee'), meta: { M: { a: N(1), b: N(2) } } }),
      (be) => put(be, LEDGER, { pk: S('tg-1'), sk: S('J#1'), status: S('posted') }),
      (be) =>
        be.client.send(
          new TransactGetItemsCommand({
            TransactItems: [
              { Get: { TableName: LEDGER, Key: { pk: S('tg-1'), sk: S('J#1') } } },
              { Get: { TableName: ACCOUNTS, Key: { pk: S('tg-missing') } } },
              { Get: { TableName: ACCOUNTS, Key: { pk: S('tg-1') } } },
            ],
          }),
        ),
    ]);
    expect(okValue(out[2]!).Responses).toEqual([
      { Item: { pk: S('tg-1'), sk: S('J#1'), status: S('posted') } },
      {},
      { Item: { pk: S('tg-1'), bal: N(3), owner: S('lee'), meta: { M: { a: N(1), b: N(2) } } } },
    ]);
  });

  // moto 5.2.1 ignores ProjectionExpression in TransactGetItems (returns whole items);
  // DynamoDB applies it exactly as GetItem does, so the engine's TransactGetItems is
  // compared with moto's GetItem for the same projection.
  it('TransactGetItems applies ProjectionExpression like GetItem (moto deviates)', async () => {
    const projection = { ProjectionExpression: '#o, bal, meta.a', ExpressionAttributeNames: { '#o': 'owner' } };
    const item = { pk: S('tg-2'), bal: N(3), owner: S('lee'), meta: { M: { a: N(1), b: N(2) } } };
    await put(b.moto, ACCOUNTS, item);
    await put(b.engine, ACCOUNTS, item);
    const viaGet = await b.moto.client.send(new GetItemCommand({ TableName: ACCOUNTS, Key: { pk: S('tg-2') }, ...projection }));
    const viaTransact = await b.engine.client.send(
      new TransactGetItemsCommand({
        TransactItems: [{ Get: { TableName: ACCOUNTS, Key: { pk: S('tg-2') }, ...projection } }],
      }),
    );
    expect(viaGet.Item).toEqual({ owner: S('lee'), bal: N(3), meta: { M: { a: N(1) } } });
    expect(viaTransact.Responses).toEqual([{ Item: viaGet.Item }]);
  });

  it('GSI reflects transactional writes (insert, key change, delete)', async () => {
    const byStatus = (be: Backend, status: string) =>
      be.client.send(
        new QueryCommand({
          TableName: LEDGER,
          IndexName: 'byStatus',
          KeyConditionExpression: '#s = :s AND begins_with(sk, :p)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': S(status), ':p': S('G#') },
        }),
      );
    const out = await conformSteps(b, [
      (be) =>
        be.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [1, 2, 3].map((i) => ({
              Put: { TableName: LEDGER, Item: { pk: S('gsi-1'), sk: S(`G#${i}`), status: S('pending'), v: N(i) } },
            })),
          }),
        ),
      (be) => byStatus(be, 'pending'),
      (be) =>
        be.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Update: {
                  TableName: LEDGER,
                  Key: { pk: S('gsi-1'), sk: S('G#2') },
                  UpdateExpression: 'SET #s = :s',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':s': S('approved') },
                },
              },
              { Delete: { TableName: LEDGER, Key: { pk: S('gsi-1'), sk: S('G#3') } } },
            ],
          }),
        ),
      (be) => byStatus(be, 'pending'),
      (be) => byStatus(be, 'approved'),
    ]);
    const sks = (o: (typeof out)[number]) => ((okValue(o) as unknown as QueryCommandOutput).Items ?? []).map((i) => i.sk?.S);
    expect(sks(out[1]!)).toEqual(['G#1', 'G#2', 'G#3']);
    expect(sks(out[3]!)).toEqual(['G#1']);
    expect(sks(out[4]!)).toEqual(['G#2']);
  });
});

describe('queries', () => {
  beforeAll(async () => {
    for (const be of [b.moto, b.engine]) {
      for (const n of [5, -2, 10, 1.5, 3, 100, 7]) await put(be, NUMS, { pk: S('q'), n: N(n), label: S(`n${n}`) });
      for (const sk of ['T#2024-01-01', 'T#2024-02-01', 'T#2024-01-15', 'X#1', 'T#2023-12-31']) {
        await put(be, LEDGER, { pk: S('q'), sk: S(sk) });
      }
    }
  });

  const pages = async (be: Backend, forward: boolean, limit: number) => {
    const seen: unknown[] = [];
    let start: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const page: QueryCommandOutput = await be.client.send(
        new QueryCommand({
          TableName: NUMS,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': S('q') },
          ScanIndexForward: forward,
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      seen.push({ n: (page.Items ?? []).map((i) => i.n?.N), count: page.Count, last: page.LastEvaluatedKey });
      start = page.LastEvaluatedKey;
    } while (start);
    return { pages: seen };
  };

  it('paginates with Limit + ExclusiveStartKey in both directions, numeric order', async () => {
    const fwd = okValue(await conform(b, (be) => pages(be, true, 3)));
    const back = okValue(await conform(b, (be) => pages(be, false, 3)));
    const flat = (o: Record<string, unknown>) => (o.pages as { n: string[] }[]).flatMap((p) => p.n);
    expect(flat(fwd)).toEqual(['-2', '1.5', '3', '5', '7', '10', '100']);
    expect(flat(back)).toEqual(['100', '10', '7', '5', '3', '1.5', '-2']);
  });

  // moto 5.2.1 omits LastEvaluatedKey when a page is exactly full and nothing follows.
  // DynamoDB stops as soon as Limit items are evaluated and returns LastEvaluatedKey
  // (documented: "the operation stops and returns the matching values up to that point,
  // and a key in LastEvaluatedKey"), so the next request yields an empty page. Engine only.
  it('an exactly-full last page still returns LastEvaluatedKey, then an empty page (moto deviates)', async () => {
    const out = await pages(b.engine, true, 7);
    expect(out.pages).toEqual([
      { n: ['-2', '1.5', '3', '5', '7', '10', '100'], count: 7, last: { pk: S('q'), n: N(100) } },
      { n: [], count: 0, last: undefined },
    ]);
  });

  it('begins_with and between on the sort key', async () => {
    const q = (be: Backend, table: string, cond: string, values: Record<string, AttributeValue>, forward = true) =>
      be.client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: `pk = :pk AND ${cond}`,
          ExpressionAttributeValues: { ':pk': S('q'), ...values },
          ScanIndexForward: forward,
        }),
      );
    const out = await conformSteps(b, [
      (be) => q(be, LEDGER, 'begins_with(sk, :p)', { ':p': S('T#2024-') }),
      (be) => q(be, LEDGER, 'sk BETWEEN :a AND :b', { ':a': S('T#2024-01-01'), ':b': S('T#2024-01-31') }, false),
      (be) => q(be, NUMS, 'n BETWEEN :a AND :b', { ':a': N(-2), ':b': N(7) }),
      (be) => q(be, NUMS, 'n > :a', { ':a': N(5) }, false),
    ]);
    const keys = (o: (typeof out)[number], attr: 'sk' | 'n') =>
      ((okValue(o) as unknown as QueryCommandOutput).Items ?? []).map((i) => i[attr]?.S ?? i[attr]?.N);
    expect(keys(out[0]!, 'sk')).toEqual(['T#2024-01-01', 'T#2024-01-15', 'T#2024-02-01']);
    expect(keys(out[1]!, 'sk')).toEqual(['T#2024-01-15', 'T#2024-01-01']);
    expect(keys(out[2]!, 'n')).toEqual(['-2', '1.5', '3', '5', '7']);
    expect(keys(out[3]!, 'n')).toEqual(['100', '10', '7']);
  });
});

describe('batch writes', () => {
  it('BatchWriteItem puts and deletes; UnprocessedItems is an empty map', async () => {
    const out = await conformSteps(b, [
      (be) => put(be, ACCOUNTS, { pk: S('bw-old') }),
      (be) =>
        be.client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [ACCOUNTS]: [
                { PutRequest: { Item: { pk: S('bw-1'), v: N(1) } } },
                { PutRequest: { Item: { pk: S('bw-2'), v: N(2) } } },
                { DeleteRequest: { Key: { pk: S('bw-old') } } },
              ],
              [LEDGER]: [{ PutRequest: { Item: { pk: S('bw'), sk: S('1'), status: S('posted') } } }],
            },
          }),
        ),
      (be) => get(be, ACCOUNTS, { pk: S('bw-2') }),
      (be) => get(be, ACCOUNTS, { pk: S('bw-old') }),
    ]);
    expect(okValue(out[1]!)).toEqual({ UnprocessedItems: {} });
    expect(okValue(out[2]!).Item).toEqual({ pk: S('bw-2'), v: N(2) });
    expect(okValue(out[3]!).Item).toBeUndefined();
  });

  // moto 5.2.1 accepts two requests for one key in a BatchWriteItem; DynamoDB rejects the
  // batch with ValidationException "Provided list of item keys contains duplicates". Engine only.
  it('BatchWriteItem with duplicate keys → ValidationException (moto deviates)', async () => {
    const err = await b.engine.client
      .send(
        new BatchWriteItemCommand({
          RequestItems: {
            [ACCOUNTS]: [{ PutRequest: { Item: { pk: S('bw-dup') } } }, { PutRequest: { Item: { pk: S('bw-dup'), v: N(2) } } }],
          },
        }),
      )
      .catch((e: Error) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe('Provided list of item keys contains duplicates');
    expect((await get(b.engine, ACCOUNTS, { pk: S('bw-dup') })).Item).toBeUndefined();
  });
});

describe('validation errors', () => {
  it.each([
    ['missing key attribute', { v: N(1) }],
    ['wrong key type', { pk: N(1) }],
    ['empty string key', { pk: S('') }],
    ['item too large', { pk: S('big'), blob: S('x'.repeat(400 * 1024)) }],
  ])('PutItem with %s → ValidationException', async (_label, item) => {
    const out = await conform(b, (be) => put(be, ACCOUNTS, item));
    expect(errorName(out)).toBe('ValidationException');
  });

  it.each([
    ['missing key attribute', { other: S('x') }],
    ['extra key attribute', { pk: S('x'), extra: S('y') }],
  ])('GetItem with %s → ValidationException', async (_label, key) => {
    const out = await conform(b, (be) => get(be, ACCOUNTS, key));
    expect(errorName(out)).toBe('ValidationException');
  });

  // moto 5.2.1 answers a GetItem whose key has the wrong type with an empty result;
  // DynamoDB rejects it: "The provided key element does not match the schema". Engine only.
  it('GetItem with a wrong key type → ValidationException (moto deviates)', async () => {
    const err = await get(b.engine, ACCOUNTS, { pk: N(1) }).catch((e: Error) => e);
    expect((err as Error).name).toBe('ValidationException');
    expect((err as Error).message).toBe('The provided key element does not match the schema');
  });

  it('transaction Put with a wrong key type → ValidationException, nothing applied', async () => {
    const out = await conformSteps(b, [
      (be) =>
        be.client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              { Put: { TableName: ACCOUNTS, Item: { pk: S('vx-1') } } },
              { Put: { TableName: ACCOUNTS, Item: { pk: N(2) } } },
            ],
          }),
        ),
      (be) => get(be, ACCOUNTS, { pk: S('vx-1') }),
    ]);
    expect(errorName(out[0]!)).toBe('ValidationException');
    expect(okValue(out[1]!).Item).toBeUndefined();
  });
});
