import { printedTable } from '#shared/domain/reports/layout.ts';
import type { ReportTable } from '#shared/domain/reports/report.ts';

/** UTF-8 byte order mark: without it Excel reads Korean text in a CSV as the legacy code page. */
export const BOM = '\uFEFF';

/**
 * One table as RFC 4180 CSV (CRLF, quoted when needed) with Korean headers, names beside codes
 * and the table's subtotal and total rows; amounts as plain integers. Text that a spreadsheet
 * would take for a formula is prefixed with an apostrophe; codes a spreadsheet would turn into
 * numbers or dates (016, 1101, 109-99) are written as ="016" so they stay text.
 * Source: practice (RFC 4180; the spreadsheet behaviours named are Excel's).
 */
export function tableCsv(table: ReportTable): string {
  const printed = printedTable(table);
  const lines = [printed.columns.map((c) => field(c.label)).join(',')];
  for (const row of printed.rows) {
    lines.push(
      printed.columns
        .map((c) => {
          const value = row.cells[c.key] ?? '';
          return typeof value === 'bigint' ? value.toString() : field(asText(value));
        })
        .join(','),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Codes a spreadsheet would change on opening: a leading zero (016 → 16), more digits than a
 * double holds (→ 1.23E+15), or a shape it reads as a date (3-12 → 12 March).
 */
const MANGLED = [/^0\d+$/, /^\d{16,}$/, /^\d{1,4}[-/]\d{1,2}(?:[-/]\d{1,4})?$/];

const asText = (text: string): string => (MANGLED.some((re) => re.test(text)) ? `="${text}"` : defuse(text));
const defuse = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
