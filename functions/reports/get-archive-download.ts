import { parseArchiveKey } from '#shared/domain/reports/archive-keys.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { getArchiveEntry } from '#shared/stores/settlement/archive-index.ts';
import { DOWNLOAD_URL_SECONDS, presignDownload } from '#shared/stores/settlement/archive-store.ts';
import { getArchiveDownload } from '#shared/routes/reports.ts';

/** Only keys of an archived report of the path's government are signed; anything else is not found. */
export const handler = apiHandler(getArchiveDownload, async ({ params, query }) => {
  const missing = () => notFound('archive-file-not-found', `no archived file ${query.key} of government ${params.gov}`);
  const parsed = parseArchiveKey(query.key);
  if (!parsed || parsed.gov !== params.gov) throw missing();
  const entry = await getArchiveEntry(parsed.gov, parsed.year, parsed.report, parsed.period);
  if (!entry) throw missing();
  const file =
    query.key === entry.manifestKey
      ? { key: entry.manifestKey, sha256: entry.manifestSha256, size: entry.manifestSize, contentType: 'application/json' }
      : entry.files.find((f) => f.key === query.key);
  if (!file) throw missing();
  return {
    body: {
      key: file.key,
      url: await presignDownload(file.key),
      expiresInSeconds: DOWNLOAD_URL_SECONDS,
      sha256: file.sha256,
      size: file.size,
      contentType: file.contentType,
      manifestKey: entry.manifestKey,
      manifestSha256: entry.manifestSha256,
    },
  };
});
