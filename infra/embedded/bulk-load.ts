/**
 * A seeding door into the embedded DynamoDB engine, for the bench only: a BatchWriteItem request
 * of PutRequests only, any number of them, sent with `X-Amz-Target: HojoEmbedded.LoadItems`,
 * stores each item as an unconditional PutItem would (the item under its key, its secondary-index
 * entries, a replaced item's stale index entries removed), but without BatchWriteItem's per-item
 * validation, locks and 25-item requests, which cost the engine ~0.44 ms of CPU per nested posting
 * record (1,000,000 of them: 416 s of the bench's idle full run; 0.17–0.27 ms through this door). Takes
 * no item locks: for a table nothing else writes to meanwhile. Served only when the engine is
 * started with `bulkLoad` (the bench's stacks).
 */
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { DynaliteStore } from './dynalite-transactions/index.cjs';

export const LOAD_ITEMS_TARGET = 'HojoEmbedded.LoadItems';

type AttributeMap = Record<string, unknown>;
type Callback<T> = (err: (Error & { name?: string }) | null | undefined, value?: T) => void;

interface TableDescription {
  readonly TableName: string;
  readonly KeySchema: readonly { AttributeName: string }[];
  readonly AttributeDefinitions: readonly { AttributeName: string; AttributeType: string }[];
  readonly LocalSecondaryIndexes?: readonly unknown[];
  readonly GlobalSecondaryIndexes?: readonly unknown[];
}
interface SubDb {
  get(key: string, cb: Callback<AttributeMap>): void;
  batch(operations: readonly { type: 'put' | 'del'; key: string; value?: unknown }[], cb: Callback<void>): void;
}
interface StoreInternals {
  /** The LevelDB holding every sub-database, each under the prefix `{name}~` (dynalite's db/index.js). */
  readonly db: { getMany(keys: readonly string[]): Promise<(AttributeMap | undefined)[]> };
  getTable(name: string, checkStatus: boolean, cb: Callback<TableDescription>): void;
  getItemDb(name: string): SubDb;
  getIndexDb(indexType: string, tableName: string, indexName: string): SubDb;
}
interface IndexAction {
  readonly index: string;
  readonly key: string;
  readonly item?: AttributeMap;
}
interface DynaliteDb {
  createKey(item: AttributeMap, table: TableDescription): string;
  getIndexActions(
    indexes: readonly unknown[],
    existing: AttributeMap | undefined,
    item: AttributeMap,
    table: TableDescription,
  ): { puts: IndexAction[]; deletes: IndexAction[] };
}

const db = createRequire(import.meta.url)('dynalite/db') as DynaliteDb;

/** Serves LOAD_ITEMS_TARGET on the engine's server; every other request goes to the handler it had. */
export function serveBulkLoad(server: Server, store: DynaliteStore): void {
  const [inner] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (!inner) throw new Error('DynamoDB engine: request handler not found');
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.headers['x-amz-target'] !== LOAD_ITEMS_TARGET) return inner.call(server, req, res);
    void answerLoad(store as unknown as StoreInternals, req, res);
  });
}

async function answerLoad(store: StoreInternals, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { RequestItems } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      RequestItems: Record<string, { PutRequest?: { Item: AttributeMap } }[]>;
    };
    for (const [tableName, requests] of Object.entries(RequestItems)) {
      const items = requests.map((request) => {
        if (!request.PutRequest) throw new Error(`${LOAD_ITEMS_TARGET} takes PutRequests only`);
        return request.PutRequest.Item;
      });
      await loadItems(store, tableName, items);
    }
    // BatchWriteItem's answer when everything was written.
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ UnprocessedItems: {} }));
  } catch (error) {
    res
      .writeHead(400, { 'content-type': 'application/x-amz-json-1.0' })
      .end(JSON.stringify({ __type: 'com.amazon.coral.validate#ValidationException', message: (error as Error).message }));
  }
}

/** What dynalite's validation would refuse and its key functions cannot read: a missing key, a key attribute of another type. */
function checkKeyAttributes(item: AttributeMap, table: TableDescription): void {
  for (const { AttributeName, AttributeType } of table.AttributeDefinitions) {
    const value = item[AttributeName] as Record<string, unknown> | undefined;
    const isTableKey = table.KeySchema.some((key) => key.AttributeName === AttributeName);
    if (value === undefined && !isTableKey) continue;
    if (value?.[AttributeType] === undefined)
      throw new Error(`an item's ${AttributeName} is not of type ${AttributeType}: ${JSON.stringify(item).slice(0, 200)}`);
  }
}

const call = <T>(work: (cb: Callback<T>) => void): Promise<T | undefined> =>
  new Promise((resolve, reject) => work((err, value) => (err ? reject(err) : resolve(value))));

/** Stores the items as unconditional puts: item, index entries, stale index entries of a replaced item. */
async function loadItems(store: StoreInternals, tableName: string, items: readonly AttributeMap[]): Promise<void> {
  const table = await call<TableDescription>((cb) => store.getTable(tableName, true, cb));
  if (!table) throw new Error(`table ${tableName} not found`);
  const itemDb = store.getItemDb(tableName);
  const itemOps: { type: 'put'; key: string; value: AttributeMap }[] = [];
  const indexOps = new Map<string, { db: SubDb; ops: { type: 'put' | 'del'; key: string; value?: unknown }[] }>();
  const indexOp = (type: string, index: string) => {
    const id = `${type}~${index}`;
    const entry = indexOps.get(id) ?? { db: store.getIndexDb(type, tableName, index), ops: [] };
    indexOps.set(id, entry);
    return entry.ops;
  };
  const keys = items.map((item) => {
    checkKeyAttributes(item, table);
    return db.createKey(item, table);
  });
  if (new Set(keys).size !== keys.length) throw new Error('two items with the same key in one load');
  // The items these replace, read in one call (one lookup each, not an event-loop turn each).
  const replaced = await store.db.getMany(keys.map((key) => `item-${tableName}~${key}`));
  for (const [n, item] of items.entries()) {
    const key = keys[n] as string;
    const existing = replaced[n];
    for (const type of ['Local', 'Global'] as const) {
      const indexes = (type === 'Local' ? table.LocalSecondaryIndexes : table.GlobalSecondaryIndexes) ?? [];
      if (indexes.length === 0) continue;
      const actions = db.getIndexActions(indexes, existing, item, table);
      for (const action of actions.deletes) indexOp(type, action.index).push({ type: 'del', key: action.key });
      for (const action of actions.puts) indexOp(type, action.index).push({ type: 'put', key: action.key, value: action.item });
    }
    itemOps.push({ type: 'put', key, value: item });
  }
  for (const { db: indexDb, ops } of indexOps.values()) await call<void>((cb) => indexDb.batch(ops, cb));
  await call<void>((cb) => itemDb.batch(itemOps, cb));
}
