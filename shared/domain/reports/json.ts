import type { Report } from '#shared/domain/reports/report.ts';

/** The machine-readable report: won amounts as decimal strings (they are exact; JSON numbers may not be). */
export function reportJson(report: Report): string {
  const tables = Object.fromEntries(
    report.tables.map((t) => [
      t.id,
      {
        title: t.title,
        columns: t.columns,
        rows: t.rows.map((row) => Object.fromEntries(t.columns.map((c) => [c.key, String(row[c.key] ?? '')]))),
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
