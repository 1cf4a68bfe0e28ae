import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { bucketName, queueUrls, tableName } from '#shared/config/env.ts';
import { buckets, queues } from '#shared/resources.ts';
import type { BucketKey, QueueKey } from '#shared/resources.ts';
import type { DependencyHealth } from '#shared/schemas/platform.ts';

const PROBE_TIMEOUT_MS = 2_000;

interface QueueDepth {
  readonly depth: number;
}

interface Probe {
  readonly name: string;
  readonly resource: () => string;
  /** Resolves to the messages waiting, for a queue; anything else for the other dependencies. */
  readonly check: (resource: string, abortSignal: AbortSignal) => Promise<unknown>;
}

/** One cheap read per dependency: DescribeTable, GetQueueAttributes of each queue, HeadBucket. */
const probes: readonly Probe[] = [
  {
    name: 'dynamodb',
    resource: tableName,
    check: (TableName, abortSignal) => dynamoClient().send(new DescribeTableCommand({ TableName }), { abortSignal }),
  },
  ...(Object.keys(queues) as QueueKey[]).map(
    (queue): Probe => ({
      name: `sqs:${queue}`,
      // A sharded queue is up when every shard answers; its resource is the URL with {shard}.
      resource: () => (queueUrls(queue).length === 1 ? (queueUrls(queue)[0] ?? '') : (process.env[queues[queue].env] ?? '')),
      check: async (_resource, abortSignal): Promise<QueueDepth> => {
        const urls = queueUrls(queue);
        let depth = 0;
        for (let i = 0; i < urls.length; i += 25) {
          const answers = await Promise.all(
            urls.slice(i, i + 25).map((QueueUrl) =>
              sqsClient().send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }), {
                abortSignal,
              }),
            ),
          );
          for (const answer of answers) depth += Number(answer.Attributes?.ApproximateNumberOfMessages ?? 0);
        }
        return { depth };
      },
    }),
  ),
  ...(Object.keys(buckets) as BucketKey[]).map(
    (bucket): Probe => ({
      name: `s3:${bucket}`,
      resource: () => bucketName(bucket),
      check: (Bucket, abortSignal) => s3Client().send(new HeadBucketCommand({ Bucket }), { abortSignal }),
    }),
  ),
];

export function probeDependencies(): Promise<DependencyHealth[]> {
  return Promise.all(probes.map(run));
}

async function run(probe: Probe): Promise<DependencyHealth> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let resource = '(not configured)';
  try {
    resource = probe.resource();
    const answer = await probe.check(resource, AbortSignal.timeout(PROBE_TIMEOUT_MS));
    const depth = (answer as Partial<QueueDepth> | undefined)?.depth;
    return { name: probe.name, resource, status: 'up', latencyMs: elapsed(), ...(typeof depth === 'number' ? { depth } : {}) };
  } catch (error) {
    return { name: probe.name, resource, status: 'down', latencyMs: elapsed(), error: errorName(error) };
  }
}

/** The error's name only: messages can carry URLs or account details that do not belong in a public answer. */
const errorName = (error: unknown): string => (error instanceof Error ? error.name : 'Error');
