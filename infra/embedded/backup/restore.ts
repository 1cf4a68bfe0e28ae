import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, WriteRequest } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { ObjectLockMode } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { Endpoints } from '#infra/embedded/engines.ts';
import { engineClients } from '#infra/embedded/backup/clients.ts';
import type { EngineClients } from '#infra/embedded/backup/clients.ts';
import { parseJsonLines, SNAPSHOT_FORMAT, sha256Hex } from '#infra/embedded/backup/snapshot-format.ts';
import type { ArchiveObjectLine, QueuedMessageLine, SnapshotManifest } from '#infra/embedded/backup/snapshot-format.ts';
import { buckets, table } from '#shared/resources.ts';

export interface RestoreTarget {
  readonly endpoints: Endpoints;
  /** The freshly provisioned stack's environment (TABLE_NAME, ARCHIVE_BUCKET…). */
  readonly env: Readonly<Record<string, string>>;
}

export interface RestoreOutcome {
  readonly items: number;
  readonly messages: number;
  readonly objects: number;
}

/**
 * Loads a backup directory into a freshly provisioned stack (the caller makes sure it is fresh:
 * its registry may be seeded, nothing else): the table's items, every queue's messages (those a
 * consumer had in flight first, as they were received before the others, so a FIFO group keeps
 * its order) and the archive's objects with their Object Lock retention. Refuses a directory
 * whose files do not match the manifest's checksums before writing anything.
 */
export async function restoreSnapshot(target: RestoreTarget, fromDir: string): Promise<RestoreOutcome> {
  const manifest = JSON.parse(await readFile(join(fromDir, 'manifest.json'), 'utf8')) as SnapshotManifest;
  if (manifest.format !== SNAPSHOT_FORMAT) throw new Error(`${fromDir}: not a ${SNAPSHOT_FORMAT} backup (format ${manifest.format})`);
  const read = async (name: string): Promise<Buffer> => {
    const bytes = await readFile(join(fromDir, name));
    if (sha256Hex(bytes) !== manifest.files[name])
      throw new Error(`${fromDir}/${name} does not match the manifest's SHA-256: refusing to restore`);
    return bytes;
  };
  const items = parseJsonLines<Record<string, AttributeValue>>((await read('table.jsonl')).toString('utf8'));
  const messages = parseJsonLines<QueuedMessageLine>((await read('queues.jsonl')).toString('utf8'));
  const objects = parseJsonLines<ArchiveObjectLine>((await read('archive.jsonl')).toString('utf8'));
  const blobs = new Map<string, Buffer>();
  for (const object of objects) blobs.set(object.sha256, await read(`archive/${object.sha256}`));

  const clients = engineClients(target.endpoints);
  try {
    const tableName = target.env[table.env] ?? '';
    await writeItems(clients, tableName, items);
    await sendMessages(clients, messages);
    await putObjects(clients, target.env[buckets.archive.env] ?? '', objects, blobs);
    return { items: items.length, messages: messages.length, objects: objects.length };
  } finally {
    clients.destroy();
  }
}

async function writeItems(clients: EngineClients, tableName: string, items: readonly Record<string, AttributeValue>[]): Promise<void> {
  for (let first = 0; first < items.length; first += 25) {
    let pending: WriteRequest[] = items.slice(first, first + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const { UnprocessedItems } = await clients.dynamo.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = UnprocessedItems?.[tableName] ?? [];
    }
  }
}

const ORDER: Record<QueuedMessageLine['state'], number> = { 'in-flight': 0, ready: 1, delayed: 2 };

async function sendMessages(clients: EngineClients, messages: readonly QueuedMessageLine[]): Promise<void> {
  const byQueue = new Map<string, QueuedMessageLine[]>();
  for (const message of [...messages].sort((a, b) => ORDER[a.state] - ORDER[b.state])) {
    byQueue.set(message.queue, [...(byQueue.get(message.queue) ?? []), message]);
  }
  for (const [queue, queued] of byQueue) {
    const { QueueUrl } = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: queue }));
    for (let first = 0; first < queued.length; first += 10) {
      const { Failed = [] } = await clients.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl,
          Entries: queued.slice(first, first + 10).map((message, n) => ({
            Id: String(n),
            MessageBody: message.body,
            ...(message.messageGroupId ? { MessageGroupId: message.messageGroupId } : {}),
            ...(message.messageDeduplicationId ? { MessageDeduplicationId: message.messageDeduplicationId } : {}),
            ...(Object.keys(message.messageAttributes).length > 0
              ? { MessageAttributes: message.messageAttributes as Record<string, MessageAttributeValue> }
              : {}),
          })),
        }),
      );
      if (Failed.length > 0) throw new Error(`queue ${queue}: ${Failed.length} messages could not be restored (${Failed[0]?.Message})`);
    }
  }
}

async function putObjects(
  clients: EngineClients,
  bucket: string,
  objects: readonly ArchiveObjectLine[],
  blobs: ReadonlyMap<string, Buffer>,
): Promise<void> {
  for (const object of objects) {
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: object.key,
        Body: blobs.get(object.sha256),
        ...(object.contentType ? { ContentType: object.contentType } : {}),
        Metadata: { ...object.metadata },
        ChecksumSHA256: Buffer.from(object.sha256, 'hex').toString('base64'),
        // The retention keeps its original end: a restore never shortens (nor lengthens) it.
        ...(object.lockMode && object.retainUntil
          ? { ObjectLockMode: object.lockMode as ObjectLockMode, ObjectLockRetainUntilDate: new Date(object.retainUntil) }
          : {}),
      }),
    );
  }
}
