/**
 * Embedded DynamoDB-compatible engine: dynalite (LevelDB) + our transactions extension.
 * In memory unless `path` is given (then a LevelDB directory that survives restarts).
 */
import type { AddressInfo } from 'node:net';
import { createServer } from './dynalite-transactions/index.cjs';

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

  const closeStore = () =>
    new Promise<void>((resolve, reject) => store.db.close((err) => (err ? reject(err) : resolve())));

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
  let stopped: Promise<void> | undefined;

  return {
    endpoint: `http://${urlHost}:${port}`,
    port,
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        // dynalite's server.close stops accepting connections, then waits for pending
        // LevelDB operations and closes the store.
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      });
      return stopped;
    },
  };
}
