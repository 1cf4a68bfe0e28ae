import type { Report } from '#shared/domain/reports/report.ts';

/**
 * The machine-readable report: won amounts as decimal strings (they are exact; JSON numbers may not be),
 * and beside a table's rows the names of the codes its text columns carry (column key → code → name:
 * 회계 GEN → 일반회계, 통계목 201-01 → 사무관리비), so a reader of the archive needs no code table.
 * Source: practice (the archived report set; the names are those the printed forms print, `layout.ts`).
 */
export function reportJson(report: Report): string {
  const tables = Object.fromEntries(
    report.tables.map((t) => [
      t.id,
      {
        title: t.title,
        columns: t.columns,
        rows: t.rows.map((row) => Object.fromEntries(t.columns.map((c) => [c.key, String(row[c.key] ?? '')]))),
        ...(t.names ? { names: t.names } : {}),
      },
    ]),
  );
  const totals = Object.fromEntries(Object.entries(report.totals).map(([k, v]) => [k, v.toString()]));
  const document = {
    report: report.report,
    title: report.title,
    gov: report.gov,
    year: report.year,
    period: report.period,
    tables,
    totals,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
