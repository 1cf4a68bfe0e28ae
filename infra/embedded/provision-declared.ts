/**
 * `npm run provision`: the declared resources of shared/resources.ts on any AWS-compatible
 * endpoints, idempotently. Creation reuses infra/embedded/provision.ts (table with its index,
 * queues with their DLQs and redrive policies, buckets); this module adds the settings the
 * embedded provisioning leaves out (versioning, the Object Lock default retention, the table's
 * point-in-time recovery and deletion protection) and reports what it found and changed.
 */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Endpoints } from '#infra/embedded/engines.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, physicalName, provisionResources } from '#infra/embedded/provision.ts';
import type { ProvisionAccess } from '#infra/embedded/provision.ts';
import type { BucketLocationConstraint } from '@aws-sdk/client-s3';
import { buckets, table } from '#shared/resources.ts';
import type { BucketDeclaration } from '#shared/resources.ts';

export interface ProvisionStep {
  readonly resource: string;
  readonly setting: string;
  readonly outcome: 'created' | 'unchanged' | 'set' | 'unsupported';
  readonly detail?: string;
}

export interface ProvisionResult {
  readonly env: Record<string, string>;
  readonly steps: ProvisionStep[];
}

/** Endpoints from the SDK's standard variables (the service-specific one first). */
export function endpointsFromEnv(env: NodeJS.ProcessEnv): Endpoints | undefined {
  const pick = (service: string) => env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL;
  const dynamodb = pick('DYNAMODB');
  const sqs = pick('SQS');
  const s3 = pick('S3');
  return dynamodb && sqs && s3 ? { dynamodb, sqs, s3 } : undefined;
}

const credentials = LOCAL_CREDENTIALS;

export async function provisionDeclared(endpoints: Endpoints, prefix = '', access: ProvisionAccess = {}): Promise<ProvisionResult> {
  const region = access.region ?? LOCAL_REGION;
  const signer = { region, credentials: access.credentials ?? LOCAL_CREDENTIALS, maxAttempts: 2 };
  const dynamo = new DynamoDBClient({ endpoint: endpoints.dynamodb, ...signer });
  const s3 = new S3Client({ endpoint: endpoints.s3, ...signer, forcePathStyle: true });
  const steps: ProvisionStep[] = [];
  try {
    const tableName = physicalName(prefix, table.name);
    const tableExisted = await dynamo.send(new DescribeTableCommand({ TableName: tableName })).then(
      () => true,
      () => false,
    );
    // Buckets outside us-east-1 need their region as LocationConstraint on S3 and moto.
    const bucketsExisted = new Map<string, boolean>();
    for (const bucket of Object.values(buckets) as BucketDeclaration[]) {
      const name = physicalName(prefix, bucket.name);
      const created = await s3
        .send(
          new CreateBucketCommand({
            Bucket: name,
            ObjectLockEnabledForBucket: bucket.objectLockRetentionDays !== undefined,
            CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
          }),
        )
        .then(
          () => true,
          (error: { name?: string }) => {
            if (error.name === 'BucketAlreadyOwnedByYou' || error.name === 'BucketAlreadyExists') return false;
            throw error;
          },
        );
      bucketsExisted.set(name, !created);
    }
    const env = await provisionResources(endpoints, prefix, access);
    steps.push({
      resource: tableName,
      setting: `table with index ${table.globalIndexes.map((i) => i.name).join(', ')}`,
      outcome: tableExisted ? 'unchanged' : 'created',
    });
    steps.push(...(await tableSettings(dynamo, tableName)));
    for (const [name, existed] of bucketsExisted)
      steps.push({ resource: name, setting: 'bucket', outcome: existed ? 'unchanged' : 'created' });
    for (const bucket of Object.values(buckets) as BucketDeclaration[])
      steps.push(...(await bucketSettings(s3, physicalName(prefix, bucket.name), bucket)));
    return { env, steps };
  } finally {
    dynamo.destroy();
    s3.destroy();
  }
}

/**
 * The archive bucket's versioning and Object Lock default retention on the embedded stack (which
 * infra/embedded/provision.ts creates with Object Lock enabled but no default retention).
 */
export async function applyBucketSettings(endpoints: Endpoints, prefix = ''): Promise<ProvisionStep[]> {
  const s3 = new S3Client({ endpoint: endpoints.s3, region: LOCAL_REGION, credentials, forcePathStyle: true });
  try {
    const steps: ProvisionStep[] = [];
    for (const bucket of Object.values(buckets) as BucketDeclaration[])
      steps.push(...(await bucketSettings(s3, physicalName(prefix, bucket.name), bucket)));
    return steps;
  } finally {
    s3.destroy();
  }
}

const unsupported = (resource: string, setting: string) => (error: { name?: string }) =>
  ({ resource, setting, outcome: 'unsupported', detail: error.name ?? 'Error' }) as const;

async function tableSettings(dynamo: DynamoDBClient, TableName: string): Promise<ProvisionStep[]> {
  const steps: ProvisionStep[] = [];
  const pitr = await dynamo.send(new DescribeContinuousBackupsCommand({ TableName })).then(
    async ({ ContinuousBackupsDescription }): Promise<ProvisionStep> => {
      if (ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED') {
        return { resource: TableName, setting: 'point-in-time recovery', outcome: 'unchanged' };
      }
      await dynamo.send(
        new UpdateContinuousBackupsCommand({ TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      );
      return { resource: TableName, setting: 'point-in-time recovery', outcome: 'set' };
    },
    unsupported(TableName, 'point-in-time recovery'),
  );
  steps.push(pitr);
  const protection = await dynamo.send(new DescribeTableCommand({ TableName })).then(
    async ({ Table }): Promise<ProvisionStep> => {
      if (Table?.DeletionProtectionEnabled === true) return { resource: TableName, setting: 'deletion protection', outcome: 'unchanged' };
      await dynamo.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: true }));
      const after = await dynamo.send(new DescribeTableCommand({ TableName }));
      if (after.Table?.DeletionProtectionEnabled !== true) {
        return {
          resource: TableName,
          setting: 'deletion protection',
          outcome: 'unsupported',
          detail: 'accepted but not kept by this endpoint',
        };
      }
      return { resource: TableName, setting: 'deletion protection', outcome: 'set' };
    },
    unsupported(TableName, 'deletion protection'),
  );
  steps.push(protection);
  return steps;
}

async function bucketSettings(s3: S3Client, Bucket: string, bucket: BucketDeclaration): Promise<ProvisionStep[]> {
  const steps: ProvisionStep[] = [];
  if (bucket.versioned) {
    const { Status } = await s3.send(new GetBucketVersioningCommand({ Bucket }));
    if (Status === 'Enabled') steps.push({ resource: Bucket, setting: 'versioning', outcome: 'unchanged' });
    else {
      await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
      steps.push({ resource: Bucket, setting: 'versioning', outcome: 'set' });
    }
  }
  const days = bucket.objectLockRetentionDays;
  if (days !== undefined) {
    const setting = `Object Lock, default retention COMPLIANCE ${days} days`;
    const current = await s3.send(new GetObjectLockConfigurationCommand({ Bucket })).then(
      (r) => r.ObjectLockConfiguration,
      (error: { name?: string }) => {
        if (error.name === 'ObjectLockConfigurationNotFoundError') return undefined;
        throw error;
      },
    );
    const rule = current?.Rule?.DefaultRetention;
    if (current?.ObjectLockEnabled === 'Enabled' && rule?.Mode === 'COMPLIANCE' && rule.Days === days) {
      steps.push({ resource: Bucket, setting, outcome: 'unchanged' });
    } else {
      // Refused (InvalidBucketState) on a bucket created without Object Lock: said, not hidden.
      await s3.send(
        new PutObjectLockConfigurationCommand({
          Bucket,
          ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: days } } },
        }),
      );
      steps.push({ resource: Bucket, setting, outcome: 'set' });
    }
  }
  return steps;
}
