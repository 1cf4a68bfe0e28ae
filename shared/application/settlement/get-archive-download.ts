import { parseArchiveKey } from '#shared/domain/reports/archive-keys.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { getArchiveEntry } from '#shared/stores/settlement/archive-index.ts';
import { DOWNLOAD_URL_SECONDS, presignDownload } from '#shared/stores/settlement/archive-store.ts';

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
 * is not found.
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
