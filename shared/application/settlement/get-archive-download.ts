import { parseArchiveKey } from '#shared/domain/reports/archive-keys.ts';
import { notFound, Refused, refusal } from '#shared/domain/refusal.ts';
import { getArchiveEntry } from '#shared/stores/settlement/archive-index.ts';
import { DOWNLOAD_URL_SECONDS, presignDownload, storedObjectDigest } from '#shared/stores/settlement/archive-store.ts';

export interface ArchiveDownload {
  readonly key: string;
  readonly url: string;
  readonly expiresInSeconds: number;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly manifestKey: string;
  readonly manifestSha256: string;
}

/**
 * A short-lived download URL for one archived file of the government: only keys of an archived
 * report of that government (its manifest or a file the manifest lists) are signed; anything else
 * is not found. Before signing, the bytes the store holds are hashed and compared with the SHA-256
 * the archive index recorded when the report was archived: a file changed or deleted behind the
 * API (a store without Object Lock, a tampered disk) is an `archive-integrity-failed` error (500,
 * the operators are alerted by the handler's metric), never a URL to bytes that are not the
 * archived ones. Practice (지방회계법 §63 keeps 결산 records; the check is the project's).
 */
export async function getArchiveDownload(gov: string, key: string): Promise<ArchiveDownload> {
  const missing = () => notFound('archive-file-not-found', `no archived file ${key} of government ${gov}`);
  const parsed = parseArchiveKey(key);
  if (!parsed || parsed.gov !== gov) throw missing();
  const entry = await getArchiveEntry(parsed.gov, parsed.year, parsed.report, parsed.period);
  if (!entry) throw missing();
  const file =
    key === entry.manifestKey
      ? { key: entry.manifestKey, sha256: entry.manifestSha256, size: entry.manifestSize, contentType: 'application/json' }
      : entry.files.find((f) => f.key === key);
  if (!file) throw missing();
  const stored = await storedObjectDigest(file.key);
  if (stored.found !== 'bytes' || stored.sha256 !== file.sha256 || stored.size !== file.size) {
    const found = stored.found === 'bytes' ? { storedSha256: stored.sha256, storedSize: stored.size } : {};
    throw new Refused(
      refusal(
        'internal',
        'archive-integrity-failed',
        stored.found === 'nothing'
          ? `the archived file ${file.key} is missing from the archive store; no download is given and the operators are alerted`
          : `the archived file ${file.key} no longer matches the SHA-256 recorded when it was archived; no download is given and the operators are alerted`,
        { key: file.key, found: stored.found, expectedSha256: file.sha256, expectedSize: file.size, ...found },
      ),
    );
  }
  return {
    key: file.key,
    url: await presignDownload(file.key),
    expiresInSeconds: DOWNLOAD_URL_SECONDS,
    sha256: file.sha256,
    size: file.size,
    contentType: file.contentType,
    manifestKey: entry.manifestKey,
    manifestSha256: entry.manifestSha256,
  };
}
