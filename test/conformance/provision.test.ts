/**
 * Issue #18: `npm run provision` against moto creates every declared resource with its settings,
 * seeds the registry, and a second run changes nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetBucketVersioningCommand, GetObjectLockConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';
import { governmentsFromCodeTable } from '#shared/domain/registry/governments.ts';
import { shardUrl } from '#shared/config/queue-shards.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;
let moto: MotoServer;
const config = { region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(() => moto?.stop());

const provision = () =>
  promisify(execFile)(process.execPath, ['infra/cli/provision.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: '',
      AWS_ENDPOINT_URL_SQS: '',
      AWS_ENDPOINT_URL_S3: '',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  });

async function snapshot(env: Record<string, string>) {
  const dynamo = new DynamoDBClient({ ...config, endpoint: moto.endpoint });
  const sqs = new SQSClient({ ...config, endpoint: moto.endpoint });
  const s3 = new S3Client({ ...config, endpoint: moto.endpoint, forcePathStyle: true });
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: env.TABLE_NAME }));
    let items = 0;
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await dynamo.send(new ScanCommand({ TableName: env.TABLE_NAME, Select: 'COUNT', ExclusiveStartKey }));
      items += page.Count ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
    } while (ExclusiveStartKey);
    const queues: Record<string, unknown> = {};
    for (const name of ['POSTING_QUEUE_URL', 'SETTLEMENT_QUEUE_URL']) {
      // The postings family exports a URL template ({shard}); its first shard stands for the family.
      const QueueUrl = shardUrl(env[name] ?? '', 0);
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
      const { CreatedTimestamp, LastModifiedTimestamp, ApproximateNumberOfMessages, ...settings } = Attributes ?? {};
      queues[name] = settings;
    }
    const Bucket = env.ARCHIVE_BUCKET;
    return {
      table: {
        name: Table?.TableName,
        keys: Table?.KeySchema,
        indexes: Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema]),
      },
      items,
      queues,
      versioning: (await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status,
      objectLock: (await s3.send(new GetObjectLockConfigurationCommand({ Bucket }))).ObjectLockConfiguration,
    };
  } finally {
    dynamo.destroy();
    sqs.destroy();
    s3.destroy();
  }
}

const exported = (stdout: string) =>
  Object.fromEntries([...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]])) as Record<string, string>;

describe('npm run provision (moto)', () => {
  it('creates the declared resources with their settings and seeds the registry; a second run changes nothing', async () => {
    const first = await provision();
    expect(first.stderr).toMatch(/created\s+hojo: table with index gsi1/);
    expect(first.stderr).toMatch(/(set|unchanged)\s+hojo-archive: versioning/); // Object Lock turns versioning on at creation
    expect(first.stderr).toMatch(/set\s+hojo-archive: Object Lock, default retention COMPLIANCE 3650 days/);
    expect(first.stderr).toContain(`registry: ${governmentsFromCodeTable().length} local governments`);
    const env = exported(first.stdout);
    expect(Object.keys(env).sort()).toEqual(['ARCHIVE_BUCKET', 'POSTING_QUEUE_URL', 'SETTLEMENT_QUEUE_URL', 'TABLE_NAME']);
    const before = await snapshot(env);
    expect(governmentsFromCodeTable()).toHaveLength(243);
    expect(before.items).toBeGreaterThanOrEqual(243);
    expect(before.table.indexes).toEqual([
      [
        'gsi1',
        [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
      ],
    ]);
    expect(before.queues.POSTING_QUEUE_URL).toMatchObject({ FifoQueue: 'true', VisibilityTimeout: '60' });
    expect(JSON.parse(String((before.queues.POSTING_QUEUE_URL as { RedrivePolicy: string }).RedrivePolicy))).toMatchObject({
      maxReceiveCount: 5,
    });
    expect(before.versioning).toBe('Enabled');
    expect(before.objectLock).toMatchObject({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
    });

    const second = await provision();
    expect(second.stderr).not.toMatch(/^(created|set) /m);
    expect(exported(second.stdout)).toEqual(env);
    expect(await snapshot(env)).toEqual(before);
  });
});
