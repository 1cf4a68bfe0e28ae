import { createHash } from 'node:crypto';
import type { HeldMessage } from '#infra/embedded/engines.ts';

/**
 * A backup directory: `manifest.json`, `table.jsonl` (one item per line in DynamoDB JSON, so
 * numbers and binary keep their exact form), `queues.jsonl` (one message per line with its queue,
 * group and deduplication id), `archive.jsonl` (one object per line: key, checksum, content type,
 * metadata, Object Lock mode and retain-until date) and `archive/<sha256>` (the objects' bytes).
 * The manifest records every file's SHA-256: a restore refuses a directory that does not match.
 */
export const SNAPSHOT_FORMAT = 'hojo-backup/1';

export interface SnapshotManifest {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly takenAt: string;
  /** How the snapshot is consistent, in words, with the time the runtime was held. */
  readonly consistency: string;
  readonly heldMs: number;
  readonly table: { readonly name: string; readonly items: number };
  readonly queues: { readonly names: readonly string[]; readonly messages: number; readonly inFlight: number };
  readonly archive: { readonly bucket: string; readonly objects: number; readonly bytes: number };
  /** Postings shards of the stack the snapshot came from (the restore provisions as many). */
  readonly postingShards: number;
  /** SHA-256 (hex) of every file of the directory but the manifest. */
  readonly files: Readonly<Record<string, string>>;
}

/** A queue's message as the engine held it, with the queue it was in. */
export interface QueuedMessageLine extends HeldMessage {
  readonly queue: string;
}

export interface ArchiveObjectLine {
  readonly key: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly contentType?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly lockMode?: string;
  readonly retainUntil?: string;
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export const jsonLines = (rows: readonly unknown[]): string => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

export const parseJsonLines = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
