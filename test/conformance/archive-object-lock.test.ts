/**
 * The archive writer against moto, which enforces S3 Object Lock: every report file is stored
 * COMPLIANCE-locked with its SHA-256; it cannot be deleted, a rerun with other content is refused
 * before it writes, and even a raw overwrite leaves the locked version in place.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';
import { resetClients } from '#shared/clients/reset.ts';
import { s3Client } from '#shared/clients/s3.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { trialBalance } from '#shared/domain/settlement/trial-balance.ts';
import { putArchiveFile } from '#shared/stores/settlement/archive-store.ts';
import { buckets } from '#shared/resources.ts';

let moto: MotoServer;
const BUCKET = 'hojo-archive-lock';
const saved = { endpoint: process.env.AWS_ENDPOINT_URL_S3, bucket: process.env[buckets.archive.env] };

const report = (amount: number) =>
  renderReport(
    trialBalance(
      '11110',
      periodOf('monthly', '2025-01'),
      [
        { fund: 'GEN', account: '1101', day: '2025-01-02', debit: amount, credit: 0 },
        { fund: 'GEN', account: '4101', day: '2025-01-02', debit: 0, credit: amount },
      ],
      [],
    ),
  );

beforeAll(async () => {
  moto = await startMoto();
  process.env.AWS_ENDPOINT_URL_S3 = moto.endpoint;
  process.env[buckets.archive.env] = BUCKET;
  resetClients();
  await s3Client().send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      ObjectLockEnabledForBucket: true,
      CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' },
    }),
  );
});

afterAll(async () => {
  resetClients();
  process.env.AWS_ENDPOINT_URL_S3 = saved.endpoint;
  process.env[buckets.archive.env] = saved.bucket;
  await moto?.stop();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, status: e.$metadata?.httpStatusCode }),
  );

describe('write-once archive on S3 Object Lock (moto)', () => {
  it('stores each file locked (COMPLIANCE) with its SHA-256; it cannot be deleted or replaced', async () => {
    const original = report(1_000);
    const file = original.manifest;
    expect(await putArchiveFile(file, new Date())).toBe('written');
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: file.key }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate?.getTime()).toBeGreaterThan(Date.now() + 3000 * 24 * 3600 * 1000);
    expect(head.Metadata?.sha256).toBe(file.sha256);
    const versionId = head.VersionId;

    // The same bytes again: nothing is written.
    expect(await putArchiveFile(file, new Date())).toBe('unchanged');
    // Other bytes under the same key: refused before anything is written.
    await expect(putArchiveFile({ ...report(2_000).manifest }, new Date())).rejects.toBeInstanceOf(ArchiveConflict);
    const versions = await s3Client().send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: file.key }));
    expect((versions.Versions ?? []).map((v) => v.VersionId)).toEqual([versionId]);

    expect(await failure(s3Client().send(new DeleteObjectCommand({ Bucket: BUCKET, Key: file.key, VersionId: versionId })))).toEqual({
      name: 'AccessDenied',
      status: 403,
    });
    // Someone bypassing the writer: the overwrite is a new version, the locked one stays and stays locked.
    await s3Client().send(new PutObjectCommand({ Bucket: BUCKET, Key: file.key, Body: 'forged' }));
    expect(await failure(s3Client().send(new DeleteObjectCommand({ Bucket: BUCKET, Key: file.key, VersionId: versionId })))).toEqual({
      name: 'AccessDenied',
      status: 403,
    });
    const kept = await s3Client().send(new GetObjectCommand({ Bucket: BUCKET, Key: file.key, VersionId: versionId }));
    expect(Buffer.from(await kept.Body!.transformToByteArray()).equals(Buffer.from(file.bytes))).toBe(true);
  });
});
