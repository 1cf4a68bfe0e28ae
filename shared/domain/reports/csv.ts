import type { ReportTable } from '#shared/domain/reports/report.ts';

/** UTF-8 byte order mark: without it Excel reads Korean text in a CSV as the legacy code page. */
export const BOM = '\uFEFF';

/**
 * One table as RFC 4180 CSV (CRLF, quoted when needed) with Korean headers; amounts as plain
 * integers. Text that a spreadsheet would take for a formula is prefixed with an apostrophe.
 */
export function tableCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => field(c.label)).join(',')];
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((c) => {
          const value = row[c.key] ?? '';
          return typeof value === 'bigint' ? value.toString() : field(defuse(value));
        })
        .join(','),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

const defuse = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
