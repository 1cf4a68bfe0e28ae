import { buckets, queues, table } from '#shared/resources.ts';
import type { BucketKey, QueueKey } from '#shared/resources.ts';
import { postingsShardOf, shardCountOf, shardUrl, shardUrls } from '#shared/config/queue-shards.ts';

/** Read at call time, not import time, so tests and the local runtime can point handlers elsewhere. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export const tableName = (): string => required(table.env);

/**
 * The URL to send to. A sharded queue (postings) needs the message's key, the government: its
 * shard is `postingsShardOf(gov)`. Without a key, a sharded queue has an answer only when it was
 * deployed with one shard.
 */
export function queueUrl(queue: QueueKey, gov?: string): string {
  const declaration = queues[queue];
  const url = required(declaration.env);
  if (!('shards' in declaration)) return url;
  const count = shardCountOf(declaration);
  if (gov === undefined) {
    if (count === 1) return shardUrl(url, 0);
    throw new Error(`queue ${queue} has ${count} shards: name the government whose message it is`);
  }
  return shardUrl(url, postingsShardOf(gov, count));
}

/** Every physical queue of a declared queue: its shards, or the queue itself. */
export const queueUrls = (queue: QueueKey): string[] => shardUrls(queues[queue], required(queues[queue].env));

export const bucketName = (bucket: BucketKey): string => required(buckets[bucket].env);
export const region = (): string => process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-northeast-2';
