import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { FunctionPermissions } from '#infra/cdk/permissions.ts';
import type { HojoTable } from '#infra/cdk/constructs/hojo-table.ts';
import type { QueueKey } from '#shared/resources.ts';

/**
 * A queue as grants and handlers see it: the ARNs a statement names (the queue's, or for a sharded
 * family the one pattern of its shards) and the variables through which handlers find it.
 */
export interface QueueTarget {
  readonly arns: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
}

export interface GrantTargets {
  readonly table: HojoTable;
  readonly queues: Readonly<Record<QueueKey, QueueTarget>>;
  readonly archive: IBucket;
  /** How cdk-nag prints the archive's ARN in this stack (the acknowledged wildcard names it). */
  readonly archiveArnAsNagSees: string;
}

/**
 * DynamoDB actions, listed one by one instead of the CDK's grantReadData/grantReadWriteData: no
 * `index/*` wildcard (each declared index is named), and DeleteItem apart, for the few handlers
 * that remove draft budget lines: posted entries and audit records are never deleted.
 * Transactions are authorised per item action. Caveat: IAM cannot tell a batch put from a batch
 * delete, so BatchWriteItem (granted only to `batchWriters`, permissions.ts) could still delete; the code check
 * in test/infra/permissions.test.ts flags any DeleteRequest outside `itemDeleters`.
 */
export const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
/**
 * Not granted to anyone: no code scans the table (test/infra/permissions.test.ts checks the bundles).
 * DescribeTable (control plane) only for the deep health check (`inspectAll`).
 */
export const tableInspectActions = ['dynamodb:DescribeTable'] as const;
export const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;

/**
 * Reads objects (HeadObject and presigned GETs included; no code names a version). ListBucket because
 * the stores read a missing key as 404 (S3 answers 403 without it). The writer may also set
 * the COMPLIANCE retention it sends with each PutObject (s3:PutObjectRetention; compliance retention
 * can be extended, never shortened). Nobody deletes or touches legal holds.
 */
export const archiveReadActions = ['s3:GetObject', 's3:ListBucket'] as const;
export const archiveWriteActions = ['s3:PutObject', 's3:PutObjectRetention'] as const;

/** What the CDK's grantSendMessages grants (SQS-managed encryption needs no KMS action). */
export const queueSendActions = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] as const;

export function grantPermissions(
  fn: IGrantable & IConstruct,
  role: IConstruct,
  permissions: FunctionPermissions,
  targets: GrantTargets,
): void {
  const { table } = targets;
  if (permissions.table !== 'none') {
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...tableReadActions], resources: [table.table.tableArn, ...table.indexArns] }),
    );
  }
  if (permissions.table === 'readWrite') {
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...tableWriteActions], resources: [table.table.tableArn] }));
  }
  if (permissions.batchWrites) {
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:BatchWriteItem'], resources: [table.table.tableArn] }),
    );
  }
  if (permissions.deletesItems) {
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:DeleteItem'], resources: [table.table.tableArn] }));
  }
  for (const queue of permissions.sendTo) {
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...queueSendActions], resources: [...targets.queues[queue].arns] }),
    );
  }
  if (permissions.inspectAll) {
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: [...tableInspectActions], resources: [table.table.tableArn] }));
    for (const queue of Object.values(targets.queues)) {
      fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:GetQueueAttributes'], resources: [...queue.arns] }));
    }
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        // HeadBucket is authorized as ListBucket; the Object Lock check reads the bucket's lock and versioning settings.
        actions: ['s3:ListBucket', 's3:GetBucketObjectLockConfiguration', 's3:GetBucketVersioning'],
        resources: [targets.archive.bucketArn],
      }),
    );
  }
  if (permissions.archive !== 'none') {
    const objects = targets.archive.arnForObjects('*');
    const actions = permissions.archive === 'readWrite' ? [...archiveReadActions, ...archiveWriteActions] : [...archiveReadActions];
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [targets.archive.bucketArn, objects] }));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${targets.archiveArnAsNagSees}/*]`,
      reason:
        'Archive keys are {year}/{government}/{report}/{period}/…: the report functions must reach every key of the bucket; deletion is not granted and Object Lock keeps every version.',
    });
  }
}
