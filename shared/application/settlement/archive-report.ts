import type { ArchiveOutcome } from '#shared/domain/settlement/closing.ts';
import { ArchiveConflict } from '#shared/domain/reports/archive-conflict.ts';
import { onlyRenderingDiffers } from '#shared/domain/reports/earlier-rendering.ts';
import type { Manifest, RenderedReport } from '#shared/domain/reports/render.ts';
import { indexArchive } from '#shared/stores/settlement/archive-index.ts';
import { archivedSha256, putArchiveFile, readArchiveText } from '#shared/stores/settlement/archive-store.ts';

const REPORT_JSON = 'report.json';
const decoder = new TextDecoder();

/**
 * Archives one report: its files, then the manifest (the commit point), then the listing entry.
 * A rerun finds the manifest with the same SHA-256 and changes nothing; a crash before the
 * manifest leaves files that the rerun finds identical and skips. A rerun whose rendering changed
 * since (names added beside codes) but whose figures are the archived ones keeps the first archive
 * ('kept-earlier'): write-once, and the closing goes on; any other difference is an ArchiveConflict.
 */
export async function archiveReport(rendered: RenderedReport, now: Date): Promise<ArchiveOutcome> {
  const { manifest } = rendered;
  const existing = await archivedSha256(manifest.key);
  if (existing !== undefined && existing !== manifest.sha256) {
    const earlier = await earlierArchive(rendered, existing);
    await indexArchive(earlier.body, { key: manifest.key, sha256: existing, size: earlier.size }, now);
    return 'kept-earlier';
  }
  if (existing === undefined) {
    for (const file of rendered.files) await putArchiveFile(file, now);
    await putArchiveFile(manifest, now);
  }
  await indexArchive(rendered.manifestBody, { key: manifest.key, sha256: manifest.sha256, size: manifest.bytes.length }, now);
  return existing === undefined ? 'written' : 'unchanged';
}

/** The archived manifest when the archive states the same figures as this rendering; otherwise the conflict. */
async function earlierArchive(rendered: RenderedReport, existingSha256: string): Promise<{ body: Manifest; size: number }> {
  const { manifest } = rendered;
  const conflict = new ArchiveConflict(manifest.key, existingSha256, manifest.sha256);
  const text = await readArchiveText(manifest.key).catch(() => undefined);
  if (text === undefined) throw conflict;
  const body = parseManifest(text);
  const archivedJson = body?.files.find((f) => f.file === REPORT_JSON);
  const renderedJson = rendered.files.find((f) => f.file === REPORT_JSON);
  if (!body || !archivedJson || !renderedJson) throw conflict;
  const archivedText = await readArchiveText(archivedJson.key).catch(() => undefined);
  if (archivedText === undefined || !onlyRenderingDiffers(archivedText, decoder.decode(renderedJson.bytes))) throw conflict;
  return { body, size: Buffer.byteLength(text, 'utf8') };
}

function parseManifest(text: string): Manifest | undefined {
  try {
    const body = JSON.parse(text) as Partial<Manifest>;
    return Array.isArray(body.files) && typeof body.report === 'string' ? (body as Manifest) : undefined;
  } catch {
    return undefined;
  }
}
