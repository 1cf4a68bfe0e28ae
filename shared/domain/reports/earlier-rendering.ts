/**
 * Whether an archived report differs from a new rendering of the same closing only in how it is
 * printed (names beside codes, columns, layout), not in what it states: the same report, government,
 * year and period, and the same named figures (`totals`, the figures reconciliation checks against
 * live data). A closing re-run after the renderer changed keeps the archive it wrote first
 * (write-once: 지방회계법 records retention [U], practice) and succeeds; a difference in a figure, or
 * an archive this cannot read, is still an ArchiveConflict.
 */
export function onlyRenderingDiffers(archivedReportJson: string, renderedReportJson: string): boolean {
  const archived = statedFigures(archivedReportJson);
  const rendered = statedFigures(renderedReportJson);
  return archived !== undefined && rendered !== undefined && archived === rendered;
}

/** The identity and the totals of a report.json, in one canonical string (keys sorted); undefined when it is not a report. */
function statedFigures(json: string): string | undefined {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof document !== 'object' || document === null) return undefined;
  const { report, gov, year, period, totals } = document as Record<string, unknown>;
  if (typeof report !== 'string' || typeof gov !== 'string' || typeof year !== 'number' || typeof period !== 'string') return undefined;
  if (typeof totals !== 'object' || totals === null) return undefined;
  const sorted = Object.entries(totals as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!sorted.every(([, value]) => typeof value === 'string')) return undefined;
  return JSON.stringify([report, gov, year, period, sorted]);
}
