import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '#shared/clients/s3.ts';
import { bucketName } from '#shared/config/env.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import type { ArchiveFile } from '#shared/domain/reports/render.ts';
import { buckets } from '#shared/resources.ts';

/**
 * Write-once report files in the archive bucket. Every object is put with COMPLIANCE Object Lock
 * retention and its SHA-256 (checked by S3 on upload, kept in metadata for later comparison), and
 * only when the key is absent: an existing object with the same SHA-256 is left alone, one with a
 * different SHA-256 is an ArchiveConflict, never an overwrite.
 */
export const DOWNLOAD_URL_SECONDS = 300;
const DAY_MS = 24 * 3600 * 1000;

export type PutOutcome = 'written' | 'unchanged';

export async function archivedSha256(key: string): Promise<string | undefined> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucketName('archive'), Key: key }));
    return head.Metadata?.sha256 ?? '(unknown)';
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
}

export async function putArchiveFile(file: ArchiveFile, now: Date): Promise<PutOutcome> {
  const existing = await archivedSha256(file.key);
  if (existing === file.sha256) return 'unchanged';
  if (existing !== undefined) throw new ArchiveConflict(file.key, existing, file.sha256);
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucketName('archive'),
      Key: file.key,
      Body: file.bytes,
      ContentType: file.contentType,
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
      Metadata: { sha256: file.sha256 },
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: new Date(now.getTime() + buckets.archive.objectLockRetentionDays * DAY_MS),
    }),
  );
  return 'written';
}

export async function readArchiveText(key: string): Promise<string> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: bucketName('archive'), Key: key }));
  if (!object.Body) throw new Error(`archive object ${key} has no body`);
  return object.Body.transformToString('utf-8');
}

/** What the store holds now for a key, as far as its bytes go. */
export type StoredDigest =
  | { readonly found: 'bytes'; readonly sha256: string; readonly size: number }
  /** The bytes differ from the checksum the store kept for them (the SDK checks it as it reads). */
  | { readonly found: 'bytes-unlike-store-checksum' }
  | { readonly found: 'nothing' };

/**
 * The SHA-256 and size of the bytes the store holds now for a key, read in full and hashed here
 * (a checksum kept beside the object would survive a change of the bytes made behind the store's
 * API; the SDK's own check against the store's checksum header is a second line).
 */
export async function storedObjectDigest(key: string): Promise<StoredDigest> {
  try {
    const object = await s3Client().send(new GetObjectCommand({ Bucket: bucketName('archive'), Key: key }));
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of object.Body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { found: 'bytes', sha256: hash.digest('hex'), size };
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return { found: 'nothing' };
    if (/checksum mismatch/i.test(e.message ?? '')) return { found: 'bytes-unlike-store-checksum' };
    throw error;
  }
}

/** A short-lived URL that lets the holder GET one archive object. */
export function presignDownload(key: string, seconds = DOWNLOAD_URL_SECONDS): Promise<string> {
  return getSignedUrl(s3Client(), new GetObjectCommand({ Bucket: bucketName('archive'), Key: key }), { expiresIn: seconds });
}
