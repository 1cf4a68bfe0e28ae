import { batchGet, keyOf } from '#shared/stores/table/batch-get.ts';
import type { TableKey } from '#shared/stores/table/batch-get.ts';
import type { Item } from '#shared/stores/table/query-all.ts';

/**
 * Reads by key, coalesced across the requests a process serves at the same time (issue #21: on the
 * local and on-prem runtimes one process accepts many postings at once, and each SDK request costs
 * more CPU — middleware, endpoint, signing, HTTP — than the items it carries). The keys asked for
 * during one turn of the event loop are read together once the turn's I/O callbacks have run
 * (setImmediate), in BatchGetItems of at most 100 keys; each caller gets its own keys' items.
 *
 * Nothing is cached: every read is issued after its caller asked (so a strongly consistent read
 * still sees every write its caller saw committed), and strongly consistent and eventually
 * consistent reads are never mixed in one call. When a call fails, each caller it carried reads
 * alone, so a caller's bad key never fails another caller's read. Callers that asked for the same
 * key get the same item object: read it, never change it (every reader copies what it keeps). In a
 * Lambda function, which serves one request at a time, a read waits one turn of the loop and goes
 * alone.
 */
interface Waiter {
  readonly keys: readonly TableKey[];
  readonly resolve: (found: Map<string, Item>) => void;
  readonly reject: (error: unknown) => void;
}

/** BatchGetItem's limit of keys in one call. */
const KEYS_PER_CALL = 100;

const waiting: Record<'consistent' | 'eventual', Waiter[]> = { consistent: [], eventual: [] };

/** Items by key (as `batchGet` answers them: keyed by `keyOf`, absent items missing), read with other callers' keys. */
export function coalescedGet(keys: readonly TableKey[], { consistent = false } = {}): Promise<Map<string, Item>> {
  if (keys.length === 0) return Promise.resolve(new Map());
  const kind = consistent ? 'consistent' : 'eventual';
  return new Promise((resolve, reject) => {
    if (waiting[kind].length === 0) setImmediate(() => flush(kind));
    waiting[kind].push({ keys, resolve, reject });
  });
}

function flush(kind: 'consistent' | 'eventual'): void {
  const waiters = waiting[kind];
  waiting[kind] = [];
  for (const group of callsOf(waiters)) void read(group, kind === 'consistent');
}

/** The waiters in groups of at most KEYS_PER_CALL distinct keys (a caller asking for more goes alone: batchGet pages it). */
function callsOf(waiters: readonly Waiter[]): Waiter[][] {
  const groups: Waiter[][] = [];
  let group: Waiter[] = [];
  let keys = new Set<string>();
  for (const waiter of waiters) {
    const added = waiter.keys.filter((key) => !keys.has(keyOf(key))).length;
    if (group.length > 0 && keys.size + added > KEYS_PER_CALL) {
      groups.push(group);
      group = [];
      keys = new Set();
    }
    group.push(waiter);
    for (const key of waiter.keys) keys.add(keyOf(key));
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

async function read(group: readonly Waiter[], consistent: boolean): Promise<void> {
  let found: Map<string, Item>;
  try {
    found = await batchGet(
      group.flatMap((waiter) => waiter.keys),
      { consistent },
    );
  } catch (error) {
    // One caller's key can fail the whole call (a key longer than DynamoDB allows): each caller then
    // reads alone, so it gets the answer it would have had without the others.
    if (group.length === 1) group[0]?.reject(error);
    else for (const waiter of group) void read([waiter], consistent);
    return;
  }
  for (const waiter of group) {
    const own = new Map<string, Item>();
    for (const key of waiter.keys) {
      const item = found.get(keyOf(key));
      if (item) own.set(keyOf(key), item);
    }
    waiter.resolve(own);
  }
}
