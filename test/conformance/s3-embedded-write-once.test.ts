/**
 * Issue #18: the embedded S3 engine (fauxqs + s3-write-once) and moto answer the same Object Lock
 * requests the same way. Signatures cannot be compared: moto checks none by default, and with its
 * IAM authentication on (INITIAL_NO_AUTH_ACTION_COUNT) moto 5.2.1 answers an unsigned request with
 * a 500 (KeyError on the Authorization header); the embedded engine's answers to unsigned and
 * tampered requests are checked against S3's documented ones in test/integration/ops/s3-write-once.test.ts.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngines } from '#infra/embedded/engines.ts';
import type { Engines } from '#infra/embedded/engines.ts';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';

let moto: MotoServer;
let engines: Engines;
const clients: Record<'moto' | 'engine', S3Client> = {} as never;
const BUCKET = 'hojo-archive-conformance';

beforeAll(async () => {
  [moto, engines] = await Promise.all([startMoto(), startEngines()]);
  const client = (endpoint: string) =>
    new S3Client({
      endpoint,
      region: 'ap-northeast-2',
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  clients.moto = client(moto.endpoint);
  clients.engine = client(engines.endpoints.s3);
});

afterAll(async () => {
  clients.moto?.destroy();
  clients.engine?.destroy();
  await Promise.all([moto?.stop(), engines?.stop()]);
});

type Outcome = { ok: Record<string, unknown> } | { error: { name: string; status: number | undefined } };

async function outcome(call: () => Promise<unknown>, pick: (r: Record<string, unknown>) => Record<string, unknown>): Promise<Outcome> {
  try {
    return { ok: pick((await call()) as Record<string, unknown>) };
  } catch (e) {
    const error = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { error: { name: error.name, status: error.$metadata?.httpStatusCode } };
  }
}

/** Runs the same steps on moto then on the embedded engine; the outcomes must be equal. */
async function conform(steps: ((s3: S3Client, memo: Record<string, string>) => Promise<Outcome>)[]): Promise<Outcome[]> {
  const run = async (s3: S3Client) => {
    const memo: Record<string, string> = {};
    const out: Outcome[] = [];
    for (const step of steps) out.push(await step(s3, memo));
    return out;
  };
  const reference = await run(clients.moto);
  const actual = await run(clients.engine);
  expect(actual, 'embedded vs moto').toEqual(reference);
  return actual;
}

const none = () => ({});
const future = () => new Date(Date.now() + 24 * 3600 * 1000);

describe('S3 Object Lock: embedded engine vs moto', () => {
  it('bucket: created with Object Lock it is versioned; the default retention reads back', async () => {
    const out = await conform([
      (s3) =>
        outcome(
          () =>
            s3.send(
              new CreateBucketCommand({
                Bucket: BUCKET,
                ObjectLockEnabledForBucket: true,
                CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
              }),
            ),
          none,
        ),
      (s3) =>
        outcome(
          () => s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET })),
          (r) => ({ Status: r.Status }),
        ),
      (s3) =>
        outcome(
          () => s3.send(new GetObjectLockConfigurationCommand({ Bucket: BUCKET })),
          (r) => ({ enabled: (r.ObjectLockConfiguration as { ObjectLockEnabled?: string }).ObjectLockEnabled }),
        ),
      (s3) =>
        outcome(
          () =>
            s3.send(
              new PutObjectLockConfigurationCommand({
                Bucket: BUCKET,
                ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
              }),
            ),
          none,
        ),
      (s3) =>
        outcome(
          () => s3.send(new GetObjectLockConfigurationCommand({ Bucket: BUCKET })),
          (r) => {
            const rule = (r.ObjectLockConfiguration as { Rule?: { DefaultRetention?: { Mode?: string; Days?: number } } }).Rule
              ?.DefaultRetention;
            return { mode: rule?.Mode, days: rule?.Days };
          },
        ),
    ]);
    expect(out[1]).toEqual({ ok: { Status: 'Enabled' } });
    expect(out[4]).toEqual({ ok: { mode: 'COMPLIANCE', days: 3650 } });
  });

  it('a bucket created without Object Lock has no configuration', async () => {
    await conform([
      (s3) =>
        outcome(
          () =>
            s3.send(
              new CreateBucketCommand({ Bucket: `${BUCKET}-plain`, CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' } }),
            ),
          none,
        ),
      (s3) => outcome(() => s3.send(new GetObjectLockConfigurationCommand({ Bucket: `${BUCKET}-plain` })), none),
    ]);
  });

  it('a COMPLIANCE-locked version cannot be deleted; it stays readable with its retention', async () => {
    const key = 'settlement/2026/11110/report.json';
    const out = await conform([
      (s3, memo) =>
        outcome(
          () =>
            s3.send(
              new PutObjectCommand({
                Bucket: BUCKET,
                Key: key,
                Body: '{"total":1000}',
                ObjectLockMode: 'COMPLIANCE',
                ObjectLockRetainUntilDate: future(),
              }),
            ),
          (r) => {
            memo.version = String(r.VersionId);
            return { versioned: typeof r.VersionId === 'string' };
          },
        ),
      (s3, memo) =>
        outcome(
          () => s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, VersionId: memo.version })),
          (r) => ({ mode: r.ObjectLockMode, retained: (r.ObjectLockRetainUntilDate as Date).getTime() > Date.now() }),
        ),
      (s3, memo) => outcome(() => s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, VersionId: memo.version })), none),
      (s3, memo) =>
        outcome(
          () => s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, VersionId: memo.version, BypassGovernanceRetention: true })),
          none,
        ),
      (s3, memo) =>
        outcome(
          () => s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, VersionId: memo.version })),
          (r) => ({ mode: r.ObjectLockMode }),
        ),
    ]);
    expect(out[1]).toEqual({ ok: { mode: 'COMPLIANCE', retained: true } });
    expect(out[2]).toEqual({ error: { name: 'AccessDenied', status: 403 } });
    expect(out[3]).toEqual({ error: { name: 'AccessDenied', status: 403 } });
  });

  it('the default retention locks an object put without lock headers', async () => {
    const key = 'settlement/2026/11110/manifest.json';
    await conform([
      (s3, memo) =>
        outcome(
          () => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: '{}' })),
          (r) => {
            memo.version = String(r.VersionId);
            return {};
          },
        ),
      (s3, memo) =>
        outcome(
          () => s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, VersionId: memo.version })),
          (r) => ({ mode: r.ObjectLockMode }),
        ),
      (s3, memo) => outcome(() => s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key, VersionId: memo.version })), none),
    ]);
  });
});
