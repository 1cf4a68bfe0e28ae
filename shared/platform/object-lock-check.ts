import { GetBucketVersioningCommand, GetObjectLockConfigurationCommand } from '@aws-sdk/client-s3';
import { s3Client } from '#shared/clients/s3.ts';
import { bucketName } from '#shared/config/env.ts';
import { buckets } from '#shared/resources.ts';
import type { BucketDeclaration, BucketKey } from '#shared/resources.ts';

/** A write-once guarantee that the store does not give: the resource and the missing setting, by name. */
export interface HealthWarning {
  readonly name: string;
  readonly resource: string;
  readonly missing: string;
}

const TIMEOUT_MS = 2_000;

/**
 * Checks every bucket declared with Object Lock retention (the archive): Object Lock enabled and
 * versioning on. (The default retention is not required: the archive writer puts every object with
 * its own COMPLIANCE retention; `npm run provision` sets the default as well.) An S3-compatible store
 * without Object Lock (Garage, some MinIO set-ups) answers with an error or no configuration;
 * either is reported as the missing setting, never as an exception.
 */
export async function checkObjectLock(): Promise<HealthWarning[]> {
  const declared = (Object.entries(buckets) as [BucketKey, BucketDeclaration][]).filter(([, b]) => b.objectLockRetentionDays !== undefined);
  const warnings = await Promise.all(declared.map(([key, declaration]) => checkBucket(key, declaration)));
  return warnings.flat();
}

async function checkBucket(key: BucketKey, declaration: BucketDeclaration): Promise<HealthWarning[]> {
  const name = `s3:${key}`;
  let resource = '(not configured)';
  try {
    resource = bucketName(key);
  } catch {
    return [{ name, resource, missing: `${declaration.env} is not set` }];
  }
  const abortSignal = () => AbortSignal.timeout(TIMEOUT_MS);
  const warnings: HealthWarning[] = [];
  const lock = await s3Client()
    .send(new GetObjectLockConfigurationCommand({ Bucket: resource }), { abortSignal: abortSignal() })
    .then(
      (r) => ({ config: r.ObjectLockConfiguration, error: undefined }),
      (error: Error) => ({ config: undefined, error: error.name }),
    );
  if (lock.config?.ObjectLockEnabled !== 'Enabled') {
    warnings.push({ name, resource, missing: `Object Lock (ObjectLockEnabled; the store answered ${lock.error ?? 'no configuration'})` });
  }
  if (declaration.versioned) {
    const status = await s3Client()
      .send(new GetBucketVersioningCommand({ Bucket: resource }), { abortSignal: abortSignal() })
      .then(
        (r) => r.Status,
        () => undefined,
      );
    if (status !== 'Enabled') warnings.push({ name, resource, missing: 'versioning (Status Enabled)' });
  }
  return warnings;
}

/** One line for an operator: what is missing where. */
export const describeWarning = (w: HealthWarning): string => `${w.name} ${w.resource}: missing ${w.missing}`;
