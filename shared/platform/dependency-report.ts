import { probeDependencies } from '#shared/platform/dependency-probes.ts';
import { checkObjectLock } from '#shared/platform/object-lock-check.ts';
import type { HealthWarning } from '#shared/platform/object-lock-check.ts';
import { buckets } from '#shared/resources.ts';
import type { HealthReport } from '#shared/schemas/platform.ts';

/** One try of 2 s per setting: an operator's request waits for an answer, not for the start-up's patient retries. */
const OBJECT_LOCK_TRY_MS = [2_000];
/** The Object Lock check at most once per 30 s per process (an operator's poller does not turn into S3 traffic). */
const OBJECT_LOCK_RECHECK_MS = 30_000;
let lastObjectLockCheck:
  | { readonly at: number; readonly bucket: string | undefined; readonly result: Promise<readonly HealthWarning[]> }
  | undefined;

function objectLockWarnings(): Promise<readonly HealthWarning[]> {
  // A check of the bucket the environment names now (tests and operators may point it elsewhere).
  const bucket = process.env[buckets.archive.env];
  const last = lastObjectLockCheck;
  if (!last || last.bucket !== bucket || Date.now() - last.at > OBJECT_LOCK_RECHECK_MS) {
    lastObjectLockCheck = { at: Date.now(), bucket, result: checkObjectLock(OBJECT_LOCK_TRY_MS) };
  }
  return lastObjectLockCheck?.result ?? checkObjectLock(OBJECT_LOCK_TRY_MS);
}

/**
 * The operators' view of the deployment: every dependency probed (latency, queue depth), and the
 * write-once guarantees no probe sees (the archive's Object Lock and versioning). `down` when a
 * dependency does not answer; `degraded` when all answer but a guarantee is missing or unconfirmed.
 */
export async function dependencyReport(): Promise<HealthReport> {
  const [dependencies, warnings] = await Promise.all([probeDependencies(), objectLockWarnings()]);
  const down = dependencies.some((dependency) => dependency.status === 'down');
  return {
    status: down ? 'down' : warnings.length > 0 ? 'degraded' : 'ok',
    checkedAt: new Date().toISOString(),
    dependencies,
    ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
  };
}
