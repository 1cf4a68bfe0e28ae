import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import type { Endpoints, InProcessEngines } from '#infra/embedded/engines.ts';
import { engineClients } from '#infra/embedded/backup/clients.ts';
import type { EngineClients } from '#infra/embedded/backup/clients.ts';
import { jsonLines, SNAPSHOT_FORMAT, sha256Hex } from '#infra/embedded/backup/snapshot-format.ts';
import type { ArchiveObjectLine, QueuedMessageLine, SnapshotManifest } from '#infra/embedded/backup/snapshot-format.ts';
import { buckets, queues, table } from '#shared/resources.ts';

export interface SnapshotSource {
  readonly endpoints: Endpoints;
  /** TABLE_NAME, ARCHIVE_BUCKET, the postings shard count… as the stack's handlers see them. */
  readonly env: Readonly<Record<string, string>>;
  readonly inspectQueue: InProcessEngines['inspectQueue'];
}

export interface SnapshotOptions {
  /**
   * Brings writers to rest and returns how to resume them (the runtime's `quiesce`). Without it the
   * caller guarantees nothing writes (the runtime is not running).
   */
  readonly quiesce?: () => Promise<() => void>;
  readonly takenAt?: Date;
}

/**
 * Writes a consistent snapshot of the embedded stack into `outDir` (created; must be new).
 *
 * Consistent because it is read at rest: the runtime holds state-changing API requests (they wait,
 * they are not refused), its queue consumers stop receiving and its due schedules wait, and the
 * reads begin once every request, batch and job in flight has finished. Nothing changes the table,
 * the queues or the archive while they are read, so the three agree with each other: a posting
 * answered 202 before the backup began is in the table and, unless applied, in its queue (or the
 * audit record of its acceptance is, for the outbox sweep to send). Queue messages are read from the engine without being
 * received, so messages a consumer had received but not deleted are included. Reads of the API
 * go on throughout; the writes held are answered when the backup has been read (`heldMs`).
 */
export async function writeSnapshot(source: SnapshotSource, outDir: string, options: SnapshotOptions = {}): Promise<SnapshotManifest> {
  await mkdir(join(outDir, 'archive'), { recursive: true });
  const clients = engineClients(source.endpoints);
  const started = performance.now();
  const resume = options.quiesce ? await options.quiesce() : () => {};
  let read: Awaited<ReturnType<typeof readStack>>;
  let heldMs: number;
  try {
    read = await readStack(source, clients);
  } finally {
    resume();
    heldMs = Math.round(performance.now() - started);
    clients.destroy();
  }
  const files: Record<string, string> = {};
  const write = async (name: string, content: Uint8Array | string) => {
    await writeFile(join(outDir, name), content, { mode: 0o600 });
    files[name] = sha256Hex(content);
  };
  await write('table.jsonl', jsonLines(read.items));
  await write('queues.jsonl', jsonLines(read.messages));
  await write('archive.jsonl', jsonLines(read.objects.map((object) => object.line)));
  for (const object of read.objects) await write(`archive/${object.line.sha256}`, object.bytes);
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    takenAt: (options.takenAt ?? new Date()).toISOString(),
    consistency: options.quiesce
      ? 'read at rest: API writes held, queue consumers and schedules paused until the read ended'
      : 'read with the runtime stopped',
    heldMs: options.quiesce ? heldMs : 0,
    table: { name: read.tableName, items: read.items.length },
    queues: {
      names: read.queueNames,
      messages: read.messages.length,
      inFlight: read.messages.filter((message) => message.state === 'in-flight').length,
    },
    archive: { bucket: read.bucket, objects: read.objects.length, bytes: read.objects.reduce((total, o) => total + o.line.bytes, 0) },
    postingShards: Number(source.env[queues.postings.shards?.countEnv ?? ''] ?? 1),
    files,
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

async function readStack(source: SnapshotSource, clients: EngineClients) {
  const tableName = required(source.env, table.env);
  const bucket = required(source.env, buckets.archive.env);
  const items = await scanAll(clients, tableName);
  const queueNames = await queueNamesOf(clients);
  const messages: QueuedMessageLine[] = queueNames.flatMap((queue) =>
    (source.inspectQueue(queue) ?? []).map((message) => ({ queue, ...message })),
  );
  const objects = await archiveObjects(clients, bucket);
  return { tableName, bucket, items, queueNames, messages, objects };
}

async function scanAll(clients: EngineClients, tableName: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let cursor: Record<string, AttributeValue> | undefined;
  do {
    const page = await clients.dynamo.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

async function queueNamesOf(clients: EngineClients): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await clients.sqs.send(new ListQueuesCommand({ MaxResults: 1000, NextToken: token }));
    names.push(...(page.QueueUrls ?? []).map((url) => url.slice(url.lastIndexOf('/') + 1)));
    token = page.NextToken;
  } while (token);
  return names.sort();
}

async function archiveObjects(clients: EngineClients, bucket: string): Promise<{ line: ArchiveObjectLine; bytes: Uint8Array }[]> {
  const objects: { line: ArchiveObjectLine; bytes: Uint8Array }[] = [];
  let token: string | undefined;
  do {
    const page = await clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const { Key } of page.Contents ?? []) {
      if (!Key) continue;
      const object = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
      const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      objects.push({
        bytes,
        line: {
          key: Key,
          sha256: sha256Hex(bytes),
          bytes: bytes.length,
          ...(object.ContentType ? { contentType: object.ContentType } : {}),
          metadata: object.Metadata ?? {},
          ...(object.ObjectLockMode ? { lockMode: object.ObjectLockMode } : {}),
          ...(object.ObjectLockRetainUntilDate ? { retainUntil: object.ObjectLockRetainUntilDate.toISOString() } : {}),
        },
      });
    }
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}

function required(env: Readonly<Record<string, string>>, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`backup: ${name} is not set for the stack`);
  return value;
}
