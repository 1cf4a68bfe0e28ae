/**
 * S3 Object Lock on moto: a COMPLIANCE-retained version cannot be deleted, not even
 * after the key has been overwritten (the old version stays locked).
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';

let moto: MotoServer;
let s3: S3Client;
const BUCKET = 'hojo-ledger-archive';
const KEY = 'settlement/2024/final.json';

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({
    endpoint: moto.endpoint,
    region: 'ap-northeast-2',
    forcePathStyle: true,
    credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
    maxAttempts: 1,
  });
  await s3.send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      ObjectLockEnabledForBucket: true,
      CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
    }),
  );
});

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, status: e.$metadata?.httpStatusCode }),
  );

describe('S3 Object Lock (moto)', () => {
  it('refuses to delete a COMPLIANCE-locked version, before and after an overwrite', async () => {
    const retainUntil = new Date(Date.now() + 24 * 3600 * 1000);
    const locked = await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: KEY,
        Body: '{"total":1000}',
        ObjectLockMode: 'COMPLIANCE',
        ObjectLockRetainUntilDate: retainUntil,
      }),
    );
    expect(locked.VersionId).toBeTruthy();
    // (moto 5.2.1 does not implement GetObjectRetention; the lock shows on HeadObject.)
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY, VersionId: locked.VersionId }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate?.getTime()).toBeGreaterThan(Date.now());

    const direct = await errorOf(s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, VersionId: locked.VersionId })));
    expect(direct).toEqual({ name: 'AccessDenied', status: 403 });

    // COMPLIANCE cannot be bypassed (only GOVERNANCE can).
    const bypass = await errorOf(
      s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, VersionId: locked.VersionId, BypassGovernanceRetention: true })),
    );
    expect(bypass).toEqual({ name: 'AccessDenied', status: 403 });

    // Overwriting creates a new version; the locked one stays and still cannot be deleted.
    const overwrite = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: '{"total":0}' }));
    expect(overwrite.VersionId).not.toBe(locked.VersionId);
    const afterOverwrite = await errorOf(s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, VersionId: locked.VersionId })));
    expect(afterOverwrite).toEqual({ name: 'AccessDenied', status: 403 });

    // The unlocked newer version can be deleted; the locked content is still readable.
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY, VersionId: overwrite.VersionId }));
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: KEY }));
    expect((versions.Versions ?? []).map((v) => v.VersionId)).toEqual([locked.VersionId]);
    const body = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY, VersionId: locked.VersionId }));
    expect(await body.Body?.transformToString()).toBe('{"total":1000}');
  });
});
