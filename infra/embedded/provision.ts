import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Endpoints } from '#infra/embedded/engines.ts';
import { buckets, queues, table } from '#shared/resources.ts';
import type { QueueDeclaration } from '#shared/resources.ts';
import { SHARD_PLACEHOLDER, shardName } from '#shared/config/queue-shards.ts';

export const LOCAL_REGION = 'ap-northeast-2';
/** The embedded engines' key (SigV4 is checked by the S3 extension; any key works for the others). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Who provisions, where: the embedded engines' key and region unless given (an external store's own credentials). */
export interface ProvisionAccess {
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  readonly region?: string;
}

/** Physical names of the declared resources under a prefix (tests use a fresh prefix per file). */
export const physicalName = (prefix: string, name: string): string => `${prefix}${name}`;

export interface ProvisionOptions extends ProvisionAccess {
  /**
   * Shards of each sharded queue family (postings). @default 1: one queue, the layout the tests
   * that drive the consumer themselves expect; `npm start` and the bench pass the configured count.
   */
  readonly shards?: number;
}

/**
 * Creates the declared table, queues (with DLQs and redrive policies; every shard of a sharded
 * family) and buckets on the given endpoints, if absent, and returns the environment a handler
 * needs to reach them (a sharded family: its URL with `{shard}`, and its shard count).
 */
export async function provisionResources(
  endpoints: Endpoints,
  prefix = '',
  options: ProvisionOptions = {},
): Promise<Record<string, string>> {
  const region = options.region ?? LOCAL_REGION;
  const credentials = options.credentials ?? LOCAL_CREDENTIALS;
  const dynamo = new DynamoDBClient({ endpoint: endpoints.dynamodb, region, credentials });
  const sqs = new SQSClient({ endpoint: endpoints.sqs, region, credentials });
  const s3 = new S3Client({ endpoint: endpoints.s3, region, credentials, forcePathStyle: true });
  try {
    const env: Record<string, string> = {
      AWS_REGION: region,
      // The local key travels with the environment; an external store's credentials never do.
      ...(options.credentials
        ? {}
        : { AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey }),
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SQS: endpoints.sqs,
      AWS_ENDPOINT_URL_S3: endpoints.s3,
    };
    env[table.env] = await createTable(dynamo, physicalName(prefix, table.name));
    for (const queue of Object.values(queues) as QueueDeclaration[]) {
      if (!queue.shards) {
        env[queue.env] = await createQueue(sqs, queue, prefix);
        continue;
      }
      const count = options.shards ?? 1;
      const urls: string[] = [];
      // A few at a time: 243 shards are 729 calls.
      for (let first = 0; first < count; first += 16) {
        const batch = Array.from({ length: Math.min(16, count - first) }, (_, n) => first + n);
        urls.push(...(await Promise.all(batch.map((shard) => createQueue(sqs, shardOf(queue, shard), prefix)))));
      }
      const first = urls[0] ?? '';
      const name = physicalName(prefix, shardName(queue.name, 0));
      env[queue.env] = `${first.slice(0, first.lastIndexOf(name))}${physicalName(prefix, shardName(queue.name, SHARD_PLACEHOLDER))}`;
      env[queue.shards.countEnv] = String(count);
    }
    for (const bucket of Object.values(buckets)) {
      const name = physicalName(prefix, bucket.name);
      await s3
        .send(new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: bucket.objectLockRetentionDays !== undefined }))
        .catch(ignoreExisting);
      env[bucket.env] = name;
    }
    return env;
  } finally {
    dynamo.destroy();
    sqs.destroy();
    s3.destroy();
  }
}

async function createTable(dynamo: DynamoDBClient, name: string): Promise<string> {
  const attribute = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' as const });
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          attribute(table.partitionKey),
          attribute(table.sortKey),
          ...table.globalIndexes.flatMap((index) => [attribute(index.partitionKey), attribute(index.sortKey)]),
        ],
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  return name;
}

/** One shard of a family, as a plain queue declaration. */
const shardOf = (queue: QueueDeclaration, shard: number): QueueDeclaration => ({
  ...queue,
  name: shardName(queue.name, shard),
  deadLetterQueueName: shardName(queue.deadLetterQueueName, shard),
});

async function createQueue(sqs: SQSClient, queue: QueueDeclaration, prefix: string): Promise<string> {
  const fifo = queue.fifo ? { FifoQueue: 'true' } : {};
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: physicalName(prefix, queue.deadLetterQueueName),
      Attributes: { ...fifo, MessageRetentionPeriod: '1209600' },
    }),
  );
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
  const created = await sqs.send(
    new CreateQueueCommand({
      QueueName: physicalName(prefix, queue.name),
      Attributes: {
        ...fifo,
        ...(queue.fifo && queue.contentBasedDeduplication ? { ContentBasedDeduplication: 'true' } : {}),
        VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: queue.maxReceiveCount }),
      },
    }),
  );
  if (!created.QueueUrl) throw new Error(`queue ${queue.name} was not created`);
  return created.QueueUrl;
}

function ignoreExisting(error: { name?: string }): void {
  if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
}
