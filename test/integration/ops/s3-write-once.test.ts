/**
 * Issue #18: archives are write-once on the embedded stack too. The embedded S3 engine verifies
 * SigV4 and enforces Object Lock (infra/embedded/fauxqs-extensions/s3-write-once.ts); the answers
 * are S3's (the same requests against moto: test/conformance/s3-embedded-write-once.test.ts).
 */
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { s3Client } from '#shared/clients/s3.ts';
import type { ArchiveFile } from '#shared/domain/reports/render.ts';
import { presignDownload, putArchiveFile } from '#shared/stores/settlement/archive-store.ts';
import { useTestStack } from '#test/support/stack.ts';

const stack = await useTestStack();
const endpoint = stack.endpoints.s3;
const archive = stack.env.ARCHIVE_BUCKET ?? '';

const client = (accessKeyId = 'local', secretAccessKey = 'local') =>
  new S3Client({ endpoint, region: 'ap-northeast-2', forcePathStyle: true, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, status: e.$metadata?.httpStatusCode }),
  );

const code = async (response: Response) => ({ status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1] });

const file = (key: string, text: string): ArchiveFile => {
  const bytes = new TextEncoder().encode(text);
  return {
    key,
    file: key.split('/').at(-1) ?? key,
    bytes,
    contentType: 'application/json',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
};

describe('embedded S3: SigV4 is verified', () => {
  it('refuses unsigned PUT, DELETE and GET with 403 AccessDenied', async () => {
    await s3Client().send(new PutObjectCommand({ Bucket: archive, Key: 'plain/a.txt', Body: 'a' }));
    const url = `${endpoint}/${archive}/plain/a.txt`;
    expect(await code(await fetch(url, { method: 'PUT', body: 'forged' }))).toEqual({ status: 403, code: 'AccessDenied' });
    expect(await code(await fetch(url, { method: 'DELETE' }))).toEqual({ status: 403, code: 'AccessDenied' });
    expect(await code(await fetch(url))).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('refuses a wrong secret (SignatureDoesNotMatch) and an unknown key (InvalidAccessKeyId)', async () => {
    const wrong = client('local', 'not-the-secret');
    const unknown = client('someone', 'local');
    expect(await failure(wrong.send(new GetObjectCommand({ Bucket: archive, Key: 'plain/a.txt' })))).toEqual({
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
    expect(await failure(unknown.send(new PutObjectCommand({ Bucket: archive, Key: 'x', Body: 'x' })))).toEqual({
      name: 'InvalidAccessKeyId',
      status: 403,
    });
    wrong.destroy();
    unknown.destroy();
  });

  it('serves a presigned URL, and refuses it with another key in its path or once expired', async () => {
    const archived = file('2026/11110/test-report/2026-11/report.json', '{"total":1}');
    expect(await putArchiveFile(archived, new Date())).toBe('written');
    const url = await presignDownload(archived.key);
    expect(await (await fetch(url)).text()).toBe('{"total":1}');
    const tampered = url.replace('/report.json?', '/manifest.json?');
    expect(await code(await fetch(tampered))).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    const otherBucket = url.replace(`/${archive}/`, `/${archive}x/`);
    expect(await code(await fetch(otherBucket))).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    const expiring = await getSignedUrl(s3Client(), new GetObjectCommand({ Bucket: archive, Key: archived.key }), {
      expiresIn: 1,
      signingDate: new Date(Date.now() - 60_000),
    });
    expect(await code(await fetch(expiring))).toEqual({ status: 403, code: 'AccessDenied' });
  });
});

describe('embedded S3: Object Lock on the archive bucket', () => {
  it('a report archived COMPLIANCE cannot be overwritten, deleted (with or without its version) or have its retention changed', async () => {
    const archived = file('2026/11110/test-report/2026-10/report.json', '{"total":1000}');
    expect(await putArchiveFile(archived, new Date())).toBe('written');
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: archive, Key: archived.key }));
    expect(head.ObjectLockMode).toBe('COMPLIANCE');
    expect(head.ObjectLockRetainUntilDate?.getTime()).toBeGreaterThan(Date.now() + 3000 * 24 * 3600 * 1000);
    expect(head.VersionId).toBeTruthy();
    expect(Object.keys(head.Metadata ?? {})).toEqual(['sha256']);

    const denied = { name: 'AccessDenied', status: 403 };
    expect(await failure(s3Client().send(new PutObjectCommand({ Bucket: archive, Key: archived.key, Body: 'forged' })))).toEqual(denied);
    expect(await failure(s3Client().send(new DeleteObjectCommand({ Bucket: archive, Key: archived.key })))).toEqual(denied);
    expect(
      await failure(s3Client().send(new DeleteObjectCommand({ Bucket: archive, Key: archived.key, VersionId: head.VersionId }))),
    ).toEqual(denied);
    expect(
      await failure(
        s3Client().send(
          new DeleteObjectCommand({ Bucket: archive, Key: archived.key, VersionId: head.VersionId, BypassGovernanceRetention: true }),
        ),
      ),
    ).toEqual(denied);
    expect(
      await failure(
        s3Client().send(
          new PutObjectRetentionCommand({
            Bucket: archive,
            Key: archived.key,
            Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(Date.now() + 1000) },
          }),
        ),
      ),
    ).toEqual(denied);
    // A metadata-smuggled retention cannot unlock it either.
    expect(
      await failure(
        s3Client().send(new PutObjectCommand({ Bucket: archive, Key: archived.key, Body: 'x', Metadata: { 'hojo-lock-until': '0' } })),
      ),
    ).toEqual(denied);

    const retention = await s3Client().send(new GetObjectRetentionCommand({ Bucket: archive, Key: archived.key }));
    expect(retention.Retention?.Mode).toBe('COMPLIANCE');
    const kept = await s3Client().send(new GetObjectCommand({ Bucket: archive, Key: archived.key }));
    expect(await kept.Body?.transformToString()).toBe('{"total":1000}');
  });

  it('answers the bucket Object Lock configuration; a default retention locks objects put without headers', async () => {
    const bucket = `${stack.prefix}locked`;
    await s3Client().send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
    expect((await s3Client().send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
    });
    await s3Client().send(
      new PutObjectLockConfigurationCommand({
        Bucket: bucket,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
      }),
    );
    expect((await s3Client().send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration?.Rule).toEqual({
      DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 },
    });
    await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v' }));
    expect((await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: 'k' }))).ObjectLockMode).toBe('COMPLIANCE');
    expect(await failure(s3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key: 'k' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
    });
  });

  it('a bucket without Object Lock says so, refuses lock headers, and keeps ordinary overwrite and delete', async () => {
    const bucket = `${stack.prefix}plain`;
    await s3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    expect(await failure(s3Client().send(new GetObjectLockConfigurationCommand({ Bucket: bucket })))).toEqual({
      name: 'ObjectLockConfigurationNotFoundError',
      status: 404,
    });
    expect(
      await failure(
        s3Client().send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: 'k',
            Body: 'v',
            ObjectLockMode: 'COMPLIANCE',
            ObjectLockRetainUntilDate: new Date(Date.now() + 1e6),
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidRequest', status: 400 });
    await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v1' }));
    await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v2' }));
    await s3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key: 'k' }));
  });
});
