import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemSizeBytes, writeUnitsFor } from './item-size.ts';
import { currentScope } from './scope.ts';

/**
 * What the DynamoDB client sent and got back, summed by a middleware on the client:
 * requests by command, write and read units (as the engine reports them with
 * ReturnConsumedCapacity: TOTAL, which the middleware adds; computed from the request where the
 * engine reports none), items read, item writes, and writes aimed at chosen "hot" keys.
 */
export interface DynamoUsage {
  readonly requests: Record<string, number>;
  writeUnits: number;
  /** Part of writeUnits computed from requests (index writes the engine does not charge on single-item writes). */
  estimatedWriteUnits: number;
  readUnits: number;
  /** Items the engine read to answer: ScannedCount of queries and scans, items of gets. */
  itemsRead: number;
  /** Item-level write actions (each Put/Update/Delete, inside transactions and batches too). */
  itemWrites: number;
  readonly hotKeyWrites: { transactional: number; single: number };
  /**
   * Write actions and estimated write units by what the item is (itemKind), so that the cost of a
   * posting can be said item by item. Estimated from the request, as DynamoDB charges: a
   * transactional Put 2 units per KB of the item, an Update 2 (items under 1 KB assumed: the size
   * before the update is not in the request), a ConditionCheck 2, single-item writes half of that;
   * each write of an item carrying the index key 1 more for the index.
   */
  readonly byItemKind: Record<string, { writes: number; units: number }>;
  /** The same estimated write units by partition key: the hot partitions against DynamoDB's 1,000 WCU/s per partition. */
  readonly byPartition: Record<string, number>;
}

export interface UsageMeter {
  readonly usage: DynamoUsage;
  /** The same, split by the scope the request was sent from (see scope.ts). */
  readonly byScope: Readonly<Record<string, DynamoUsage>>;
  reset(): void;
  detach(): void;
}

const WRITES = new Set([
  'PutItemCommand',
  'PutCommand',
  'UpdateItemCommand',
  'UpdateCommand',
  'DeleteItemCommand',
  'DeleteCommand',
  'BatchWriteItemCommand',
  'BatchWriteCommand',
  'TransactWriteItemsCommand',
  'TransactWriteCommand',
]);
const CAPACITY_REPORTING = new Set([
  ...WRITES,
  'GetItemCommand',
  'GetCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchGetCommand',
  'TransactGetItemsCommand',
  'TransactGetCommand',
]);
const NAME = 'benchDynamoUsage';

type Item = Record<string, unknown>;
interface WriteAction {
  readonly key: Item;
  /** The whole item, for Puts. */
  readonly item?: Item;
}

export const emptyUsage = (): DynamoUsage => ({
  requests: {},
  writeUnits: 0,
  estimatedWriteUnits: 0,
  readUnits: 0,
  itemsRead: 0,
  itemWrites: 0,
  hotKeyWrites: { transactional: 0, single: 0 },
  byItemKind: {},
  byPartition: {},
});

/** `hotKeys` holds "pk|sk" strings; it is read on every request, so it may be filled later. */
export function meterDynamo(client: DynamoDBDocumentClient, hotKeys: ReadonlySet<string> = new Set(), indexKey = 'gsi1pk'): UsageMeter {
  let usage = emptyUsage();
  let byScope: Record<string, DynamoUsage> = {};
  const meter = {
    get usage() {
      return usage;
    },
    get byScope() {
      return byScope;
    },
    reset: () => {
      usage = emptyUsage();
      byScope = {};
    },
    detach: () => void client.middlewareStack.remove(NAME),
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? 'unknown');
      const input = args.input as Item;
      const counted = CAPACITY_REPORTING.has(command) && input.ReturnConsumedCapacity === undefined;
      const scope = currentScope();
      const result = await next(counted ? { ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } : args);
      record(usage, command, input, result.output as Item, hotKeys, indexKey);
      byScope[scope] ??= emptyUsage();
      record(byScope[scope], command, input, result.output as Item, hotKeys, indexKey);
      return result;
    },
    { step: 'initialize', name: NAME, priority: 'high' },
  );
  return meter;
}

function record(usage: DynamoUsage, command: string, input: Item, output: Item, hotKeys: ReadonlySet<string>, indexKey: string): void {
  usage.requests[command] = (usage.requests[command] ?? 0) + 1;
  const reported = capacityUnits(output.ConsumedCapacity);
  if (WRITES.has(command)) {
    const transactional = command.startsWith('TransactWrite');
    const actions = writeActions(command, input);
    usage.itemWrites += actions.length;
    for (const action of actions) {
      if (hotKeys.has(keyString(action.key))) usage.hotKeyWrites[transactional ? 'transactional' : 'single'] += 1;
      const units =
        writeUnitsFor(action.item ? itemSizeBytes(action.item) : 0, transactional) + (action.item?.[indexKey] !== undefined ? 1 : 0);
      tally(usage, action.key, itemKind(action.key), units);
    }
    for (const check of conditionChecks(command, input)) tally(usage, check, `${itemKind(check)} (ConditionCheck)`, 2);
    if (reported === undefined) {
      const computed = actions.reduce((sum, action) => sum + writeUnitsFor(action.item ? itemSizeBytes(action.item) : 0, transactional), 0);
      usage.writeUnits += computed;
      usage.estimatedWriteUnits += computed;
    } else {
      usage.writeUnits += reported;
    }
    if (!transactional) {
      // dynalite charges no index writes on single-item writes; DynamoDB does.
      const indexUnits = actions
        .filter((action) => action.item?.[indexKey] !== undefined)
        .reduce((sum, action) => sum + writeUnitsFor(itemSizeBytes(action.item as Item), false), 0);
      usage.writeUnits += indexUnits;
      usage.estimatedWriteUnits += indexUnits;
    }
    return;
  }
  usage.readUnits += reported ?? 0;
  usage.itemsRead += itemsRead(output);
}

function capacityUnits(consumed: unknown): number | undefined {
  if (consumed === undefined || consumed === null) return undefined;
  const list = Array.isArray(consumed) ? consumed : [consumed];
  return list.reduce((sum: number, entry: { CapacityUnits?: number }) => sum + (entry.CapacityUnits ?? 0), 0);
}

function itemsRead(output: Item): number {
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if (typeof output.Count === 'number') return output.Count;
  if (output.Item !== undefined) return 1;
  if (Array.isArray(output.Responses)) return output.Responses.filter((response: Item) => response?.Item !== undefined).length;
  if (output.Responses && typeof output.Responses === 'object') {
    return Object.values(output.Responses as Record<string, unknown[]>).reduce((sum, items) => sum + items.length, 0);
  }
  return 0;
}

function writeActions(command: string, input: Item): WriteAction[] {
  if (command.startsWith('Put')) return [{ key: input.Item as Item, item: input.Item as Item }];
  if (command.startsWith('Update') || command.startsWith('Delete')) return [{ key: input.Key as Item }];
  if (command.startsWith('BatchWrite')) {
    const tables = Object.values((input.RequestItems ?? {}) as Record<string, Item[]>);
    return tables.flat().map((request) => {
      const put = request.PutRequest as { Item: Item } | undefined;
      return put ? { key: put.Item, item: put.Item } : { key: (request.DeleteRequest as { Key: Item }).Key };
    });
  }
  const items = (input.TransactItems ?? []) as Item[];
  return items.flatMap((action): WriteAction[] => {
    if (action.Put) return [{ key: (action.Put as { Item: Item }).Item, item: (action.Put as { Item: Item }).Item }];
    const keyed = (action.Update ?? action.Delete) as { Key: Item } | undefined;
    return keyed ? [{ key: keyed.Key }] : [];
  });
}

function tally(usage: DynamoUsage, key: Item, kind: string, units: number): void {
  const entry = usage.byItemKind[kind] ?? { writes: 0, units: 0 };
  usage.byItemKind[kind] = { writes: entry.writes + 1, units: entry.units + units };
  const partition = keyString(key).split('|')[0] ?? '';
  usage.byPartition[partition] = (usage.byPartition[partition] ?? 0) + units;
}

function conditionChecks(command: string, input: Item): Item[] {
  if (!command.startsWith('TransactWrite')) return [];
  return ((input.TransactItems ?? []) as Item[]).flatMap((action) =>
    action.ConditionCheck ? [(action.ConditionCheck as { Key: Item }).Key] : [],
  );
}

/**
 * What an item is, from its key: the first word of its partition key, with the sort key's first
 * word where one partition holds several kinds (a posting's REQUEST and RESULT, a budget line and a
 * cash allocation, the ledger index's dimensions).
 */
export function itemKind(key: Item): string {
  const [pk = '', sk = ''] = keyString(key).split('|');
  const parts = pk.split('#');
  const head = parts[0] ?? '';
  if (head === 'DOCLEDGER') return `DOCLEDGER ${parts[3] ?? ''}`;
  if (head === 'POSTING' || head === 'BUDGET' || head === 'LEDGER') return `${head} ${sk.split('#')[0]}`;
  return head;
}

/** "pk|sk" of a document-client or marshalled ({ S: … }) key. */
export function keyString(key: Item): string {
  const text = (value: unknown): string =>
    value && typeof value === 'object' && 'S' in value ? String((value as { S: unknown }).S) : String(value);
  return `${text(key.pk)}|${text(key.sk)}`;
}
