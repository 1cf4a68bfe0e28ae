import type { Server } from 'node:http';

export interface DynaliteOptions {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
  maxItemSizeKb?: number;
  verbose?: boolean;
}

/** Opaque dynalite store (LevelDB handle, table/item sub-databases). */
export interface DynaliteStore {
  db: { close(cb: (err?: Error | null) => void): void };
  /** Reads a table description; `checkStatus` false also returns CREATING/DELETING tables. */
  getTable(
    name: string,
    checkStatus: boolean,
    cb: (err: (Error & { statusCode?: number }) | null, table?: DynaliteTableDescription) => void,
  ): void;
}

export interface DynaliteTableDescription {
  TableName: string;
  TableStatus: string;
  GlobalSecondaryIndexes?: { IndexName: string; IndexStatus?: string }[];
}

export interface DynaliteWithTransactions {
  server: Server;
  store: DynaliteStore;
}

/** Creates a dynalite HTTP server (not yet listening) extended with TransactWriteItems/TransactGetItems. */
export function createServer(options?: DynaliteOptions): DynaliteWithTransactions;
