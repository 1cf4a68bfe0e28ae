/**
 * Embedded DynamoDB-compatible engine: dynalite (LevelDB) + our transactions extension.
 * In memory unless `path` is given (then a LevelDB directory that survives restarts).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type DynaliteStore } from './dynalite-transactions/index.cjs';
import { serveBulkLoad } from './bulk-load.ts';
import { closeOnce } from '#infra/runtime/close-once.ts';

export interface DynamoEngine {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface DynamoEngineOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (default) picks a free port. */
  port?: number;
  /** LevelDB directory; omit for an in-memory store. */
  path?: string;
  /** Also serve the bench's seeding door (bulk-load.ts). @default false */
  bulkLoad?: boolean;
}

export async function startDynamoEngine(options: DynamoEngineOptions = {}): Promise<DynamoEngine> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  const { server, store } = createServer({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path !== undefined ? { path: options.path } : {}),
  });

  settleTableStatusBeforeResponding(server, store);
  if (options.bulkLoad) serveBulkLoad(server, store);

  const closeStore = () => new Promise<void>((resolve, reject) => store.db.close((err) => (err ? reject(err) : resolve())));

  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE') {
          reject(new Error(`DynamoDB engine: port ${requestedPort} on ${host} is already in use`, { cause: err }));
        } else {
          reject(new Error(`DynamoDB engine: cannot listen on ${host}:${requestedPort}: ${err.message}`, { cause: err }));
        }
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(requestedPort, host);
    });
  } catch (err) {
    await closeStore().catch(() => undefined);
    throw err;
  }

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    endpoint: `http://${urlHost}:${port}`,
    port,
    // dynalite's server.close stops accepting connections, then waits for pending LevelDB
    // operations and closes the store.
    stop: closeOnce(server),
  };
}

const TABLE_OPERATIONS = new Set(['CreateTable', 'UpdateTable', 'DeleteTable']);

/**
 * dynalite answers CreateTable/UpdateTable/DeleteTable first and flips the table to
 * ACTIVE (or removes it) in a timer afterwards, even with *TableMs = 0. On a disk store
 * that write can land after the client's next request. Hold the (unchanged) response
 * until the table has settled, so a created table is usable as soon as the call returns.
 */
function settleTableStatusBeforeResponding(server: Server, store: DynaliteStore): void {
  const [inner] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (!inner) throw new Error('DynamoDB engine: dynalite request handler not found');
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (TABLE_OPERATIONS.has(operation)) {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        const body = args[0];
        const name = res.statusCode === 200 && body != null ? tableNameOf(String(body)) : undefined;
        if (!name) return end(...args);
        void waitForSettledTable(store, name, operation === 'DeleteTable').then(() => end(...args));
        return res;
      }) as ServerResponse['end'];
    }
    inner.call(server, req, res);
  });
}

function tableNameOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { TableDescription?: { TableName?: string } }).TableDescription?.TableName;
  } catch {
    return undefined;
  }
}

async function waitForSettledTable(store: DynaliteStore, name: string, deleted: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const state = await new Promise<'gone' | 'settled' | 'pending'>((resolve) =>
      store.getTable(name, false, (err, table) => {
        if (err) return resolve(err.statusCode === 400 ? 'gone' : 'settled');
        const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((i) => (i.IndexStatus ?? 'ACTIVE') === 'ACTIVE');
        resolve(table?.TableStatus === 'ACTIVE' && indexesActive ? 'settled' : 'pending');
      }),
    );
    if (deleted ? state === 'gone' : state !== 'pending') return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
