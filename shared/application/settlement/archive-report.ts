import type { ArchiveOutcome } from '#shared/domain/settlement/closing.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import type { RenderedReport } from '#shared/domain/reports/render.ts';
import { indexArchive } from '#shared/stores/settlement/archive-index.ts';
import { archivedSha256, putArchiveFile } from '#shared/stores/settlement/archive-store.ts';

/**
 * Archives one report: its files, then the manifest (the commit point), then the listing entry.
 * A rerun finds the manifest with the same SHA-256 and changes nothing; a crash before the
 * manifest leaves files that the rerun finds identical and skips.
 */
export async function archiveReport(rendered: RenderedReport, now: Date): Promise<ArchiveOutcome> {
  const { manifest } = rendered;
  const existing = await archivedSha256(manifest.key);
  if (existing !== undefined && existing !== manifest.sha256) throw new ArchiveConflict(manifest.key, existing, manifest.sha256);
  if (existing === undefined) {
    for (const file of rendered.files) await putArchiveFile(file, now);
    await putArchiveFile(manifest, now);
  }
  await indexArchive(rendered.manifestBody, { key: manifest.key, sha256: manifest.sha256, size: manifest.bytes.length }, now);
  return existing === undefined ? 'written' : 'unchanged';
}
