import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Bucket, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketDeclaration } from '#shared/resources.ts';
import { accessLogBucket, privateBucket } from '#infra/cdk/constructs/access-log-bucket.ts';

export interface ArchiveBucketProps {
  /** The declaration in shared/resources.ts: versioning and the write-once retention in days. */
  readonly declaration: BucketDeclaration;
  /** Days the server access logs are kept. @default 3650, as long as the reports they cover */
  readonly accessLogRetentionDays?: number;
  /** A fixed name (the replica in the standby Region, addressed across Regions). @default generated */
  readonly bucketName?: string;
  /** Replicate every object to this bucket (versioned, Object Lock), e.g. the standby Region's replica. */
  readonly replicateTo?: IBucket;
  /** How cdk-nag prints the replica's ARN (its acknowledged object wildcard names it). */
  readonly replicaArnAsNagSees?: string;
}

/**
 * Write-once archive of closing reports: versioned, Object Lock in COMPLIANCE mode with the
 * declared default retention (nobody, not even the root user, can delete or overwrite a locked
 * version before it expires), public access blocked, encrypted, TLS only, and server access logs
 * in a log bucket of its own. Both buckets are retained when the stack is deleted. With a standby
 * Region, every object is replicated to a bucket like this one there (issue #19, finding 5).
 */
export class ArchiveBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: ArchiveBucketProps) {
    super(scope, id);
    const { declaration } = props;
    const retentionDays = props.accessLogRetentionDays ?? 3650;

    this.accessLogs = accessLogBucket(this, 'AccessLogs', { of: 'the archive', retentionDays });

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      replicationRules: props.replicateTo
        ? [{ destination: props.replicateTo, priority: 1, deleteMarkerReplication: false, id: 'standby-replica' }]
        : undefined,
      versioned: declaration.versioned,
      objectLockEnabled: declaration.objectLockRetentionDays !== undefined,
      objectLockDefaultRetention:
        declaration.objectLockRetentionDays === undefined
          ? undefined
          : ObjectLockRetention.compliance(Duration.days(declaration.objectLockRetentionDays)),
      ...privateBucket,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: `${declaration.name}/`,
    });
    if (props.replicateTo && props.replicaArnAsNagSees) {
      const source = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
      for (const objects of [`<${source}.Arn>/*`, `${props.replicaArnAsNagSees}/*`]) {
        Validations.of(this).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${objects}]`,
          reason:
            'The S3 replication role reads every object version of the archive and replicates it to every key of the replica: the replication of a whole bucket; it deletes nothing (delete markers are not replicated).',
        });
      }
    }
  }
}
