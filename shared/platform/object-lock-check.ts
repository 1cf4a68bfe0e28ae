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

/**
 * How long each try waits for the store. A store that does not answer (a loaded host at start-up,
 * a network fault) is asked again with a longer wait, and if it never answers the warning says the
 * setting is unconfirmed: a timeout is not evidence that Object Lock is missing.
 */
const TRY_TIMEOUTS_MS = [2_000, 4_000, 8_000];
/** Errors that mean the store did not answer, as opposed to answering "not configured". */
const NO_ANSWER = new Set(['AbortError', 'TimeoutError', 'RequestTimeout', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/**
 * Checks every bucket declared with Object Lock retention (the archive): Object Lock enabled and
 * versioning on. (The default retention is not required: the archive writer puts every object with
 * its own COMPLIANCE retention; `npm run provision` sets the default as well.) An S3-compatible store
 * without Object Lock (Garage, some MinIO set-ups) answers with an error or no configuration;
 * either is reported as the missing setting, never as an exception.
 */
export async function checkObjectLock(tryTimeoutsMs: readonly number[] = TRY_TIMEOUTS_MS): Promise<HealthWarning[]> {
  const declared = (Object.entries(buckets) as [BucketKey, BucketDeclaration][]).filter(([, b]) => b.objectLockRetentionDays !== undefined);
  const warnings = await Promise.all(declared.map(([key, declaration]) => checkBucket(key, declaration, tryTimeoutsMs)));
  return warnings.flat();
}

type Answer<T> =
  | { readonly value: T; readonly error?: undefined }
  | { readonly value?: undefined; readonly error: string; readonly unanswered: boolean };

/** One request, asked again while the store does not answer at all. */
async function ask<T>(request: (abortSignal: AbortSignal) => Promise<T>, tryTimeoutsMs: readonly number[]): Promise<Answer<T>> {
  let last: Answer<T> = { error: 'no try made', unanswered: true };
  for (const timeout of tryTimeoutsMs) {
    last = await request(AbortSignal.timeout(timeout)).then(
      (value) => ({ value }),
      (error: Error & { code?: string }) => ({
        error: error.name,
        unanswered: NO_ANSWER.has(error.name) || NO_ANSWER.has(error.code ?? ''),
      }),
    );
    if (last.error === undefined || !last.unanswered) return last;
  }
  return last;
}

async function checkBucket(key: BucketKey, declaration: BucketDeclaration, tryTimeoutsMs: readonly number[]): Promise<HealthWarning[]> {
  const name = `s3:${key}`;
  let resource = '(not configured)';
  try {
    resource = bucketName(key);
  } catch {
    return [{ name, resource, missing: `${declaration.env} is not set` }];
  }
  const warnings: HealthWarning[] = [];
  const tries = `${tryTimeoutsMs.length} tries of up to ${Math.max(...tryTimeoutsMs) / 1000} s`;
  const lock = await ask(
    (abortSignal) => s3Client().send(new GetObjectLockConfigurationCommand({ Bucket: resource }), { abortSignal }),
    tryTimeoutsMs,
  );
  if (lock.error !== undefined && lock.unanswered) {
    warnings.push({ name, resource, missing: `Object Lock unconfirmed (the store did not answer in ${tries}: ${lock.error})` });
  } else if (lock.value?.ObjectLockConfiguration?.ObjectLockEnabled !== 'Enabled') {
    warnings.push({ name, resource, missing: `Object Lock (ObjectLockEnabled; the store answered ${lock.error ?? 'no configuration'})` });
  }
  if (declaration.versioned) {
    const versioning = await ask(
      (abortSignal) => s3Client().send(new GetBucketVersioningCommand({ Bucket: resource }), { abortSignal }),
      tryTimeoutsMs,
    );
    if (versioning.error !== undefined && versioning.unanswered) {
      warnings.push({ name, resource, missing: `versioning unconfirmed (the store did not answer in ${tries}: ${versioning.error})` });
    } else if (versioning.value?.Status !== 'Enabled') warnings.push({ name, resource, missing: 'versioning (Status Enabled)' });
  }
  return warnings;
}

/** One line for an operator: what is missing where. */
export const describeWarning = (w: HealthWarning): string =>
  `${w.name} ${w.resource}: ${w.missing.includes('unconfirmed') ? w.missing : `missing ${w.missing}`}`;
