/**
 * Extension internals that need a deterministic interleaving: a transaction waits for
 * an item lock held by a single-item writer, and a concurrent retry of an in-flight
 * token gets TransactionInProgressException.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createServer } from '#infra/embedded/dynalite-transactions/index.cjs';

const require = createRequire(import.meta.url);
const extension = require('#infra/embedded/dynalite-transactions/index.cjs') as {
  transactWriteItems(store: unknown, data: unknown, cb: Callback): void;
};
const dynaliteDb = require('dynalite/db') as { createKey(item: unknown, table: unknown): string };
const createTable = require('dynalite/actions/createTable') as (store: unknown, data: unknown, cb: Callback) => void;

type Callback = (err: { body?: { __type?: string } } | null, result?: unknown) => void;
interface InternalStore {
  db: { close(cb: (err?: unknown) => void): void };
  getTable(name: string, checkStatus: boolean, cb: (err: unknown, table: unknown) => void): void;
  getItemDb(name: string): {
    lock(key: string, fn: (release: (cb: () => void) => () => void) => void): void;
    get(key: string, cb: (err: unknown, item: unknown) => void): void;
  };
}

const call = <T>(fn: (cb: Callback) => void) =>
  new Promise<T>((resolve, reject) => fn((err, result) => (err ? reject(err) : resolve(result as T))));

async function setup() {
  const { store: opaque } = createServer({ createTableMs: 0 });
  const store = opaque as unknown as InternalStore;
  await call((cb) =>
    createTable(
      store,
      {
        TableName: 'locks',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      },
      cb,
    ),
  );
  // createTable flips to ACTIVE in a timer; wait for it by reading the table back.
  for (;;) {
    const table = await call<{ TableStatus: string }>((cb) => store.getTable('locks', false, cb as never));
    if (table.TableStatus === 'ACTIVE') return { store, table };
    await new Promise((r) => setImmediate(r));
  }
}

const putA = {
  TransactItems: [{ Put: { TableName: 'locks', Item: { pk: { S: 'a' }, v: { N: '1' } } } }],
  ClientRequestToken: 'tok-1',
};

describe('dynalite-transactions locking', () => {
  it('waits for an item lock held by a single-item writer, then commits', async () => {
    const { store, table } = await setup();
    const itemDb = store.getItemDb('locks');
    const key = dynaliteDb.createKey({ pk: { S: 'a' } }, table);
    const order: string[] = [];
    let release!: () => void;
    await new Promise<void>((locked) =>
      itemDb.lock(key, (rel) => {
        release = rel(() => order.push('single-item writer released'));
        locked();
      }),
    );
    const first = call((cb) => extension.transactWriteItems(store, structuredClone(putA), cb)).then(() =>
      order.push('transaction committed'),
    );
    // the same token while the first is waiting for the lock: in progress
    const retry = await call((cb) => extension.transactWriteItems(store, structuredClone(putA), cb)).catch(
      (e: { body?: { __type?: string } }) => e,
    );
    expect((retry as { body?: { __type?: string } }).body?.__type).toBe('com.amazonaws.dynamodb.v20120810#TransactionInProgressException');
    const before = await call((cb) => itemDb.get(key, cb as never));
    expect(before).toBeUndefined();
    release();
    await first;
    expect(order).toEqual(['single-item writer released', 'transaction committed']);
    expect(await call((cb) => itemDb.get(key, cb as never))).toEqual({ pk: { S: 'a' }, v: { N: '1' } });
    // once done, the same token replays successfully without writing again
    await expect(call((cb) => extension.transactWriteItems(store, structuredClone(putA), cb))).resolves.toEqual({});
    await new Promise<void>((resolve) => store.db.close(() => resolve()));
  });
});
