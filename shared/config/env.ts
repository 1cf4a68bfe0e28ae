import { buckets, queues, table } from '#shared/resources.ts';
import type { BucketKey, QueueKey } from '#shared/resources.ts';

/** Read at call time, not import time, so tests and the local runtime can point handlers elsewhere. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export const tableName = (): string => required(table.env);
export const queueUrl = (queue: QueueKey): string => required(queues[queue].env);
export const bucketName = (bucket: BucketKey): string => required(buckets[bucket].env);
export const region = (): string => process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-northeast-2';
