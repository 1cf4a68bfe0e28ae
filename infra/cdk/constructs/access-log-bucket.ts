import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** What every bucket of hojo is: public access blocked, encrypted, TLS only, kept when its stack is deleted. */
export const privateBucket = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

export interface AccessLogBucketOptions {
  /** Whose logs it keeps, as the cdk-nag acknowledgement names it (e.g. `the archive`). */
  readonly of: string;
  /** Days the logs are kept. @default kept */
  readonly retentionDays?: number | undefined;
  /** @default BUCKET_OWNER_ENFORCED; CloudFront's standard logs need BUCKET_OWNER_PREFERRED (delivered through the ACL). */
  readonly objectOwnership?: ObjectOwnership;
}

/**
 * The private bucket that keeps another bucket's (or a distribution's) access logs. It is not
 * logged itself: logging it into itself or a third bucket adds nothing (AwsSolutions-S1, acknowledged).
 */
export function accessLogBucket(scope: Construct, id: string, options: AccessLogBucketOptions): Bucket {
  const logs = new Bucket(scope, id, {
    ...privateBucket,
    objectOwnership: options.objectOwnership ?? ObjectOwnership.BUCKET_OWNER_ENFORCED,
    ...(options.retentionDays === undefined ? {} : { lifecycleRules: [{ expiration: Duration.days(options.retentionDays) }] }),
  });
  Validations.of(logs).acknowledge({
    id: 'AwsSolutions-S1',
    reason: `This is the access log bucket of ${options.of}; logging it into itself or a third bucket adds nothing.`,
  });
  return logs;
}
