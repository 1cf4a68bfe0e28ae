import { reportHeading } from '#shared/domain/reports/headings.ts';
import { type PrintedRow, printedTable } from '#shared/domain/reports/layout.ts';
import type { Report, ReportColumn, ReportTable } from '#shared/domain/reports/report.ts';

/**
 * A report as a printable page: what an official prints for the council or reads in a browser.
 * A4 landscape, each table on its own pages under its title rows, the header row repeated on
 * every printed page (a table too wide for the page in parts), names beside codes, 소계/합계 in bold, negatives as △, amounts never
 * wrapped (text columns wrap instead, so every column stays on the page width).
 * Self-contained (no script, no external font or style), and the same report gives the same bytes.
 * Source: practice (결산서 print forms; △ for negatives is the public-accounts convention).
 */
export function reportHtml(report: Report): string {
  const sections = report.tables.map((table) => section(report, table)).join('\n');
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportHeading(report, report.title).title)}</title>
<style>${STYLE}</style></head>
<body>
${sections}
</body></html>
`;
}

/**
 * At most this many amount columns share a printed page width: 10 columns of 13-digit amounts
 * (10조) at 7 pt fill an A4 landscape line. A wider table (세출결산 with its 예산현액 components)
 * prints in parts, each repeating the text columns, so every column stays readable.
 */
export const AMOUNTS_PER_PART = 9;

function section(report: Report, table: ReportTable): string {
  const heading = reportHeading(report, table.title);
  const printed = printedTable(table);
  const text = printed.columns.filter((c) => c.type !== 'won');
  const amounts = printed.columns.filter((c) => c.type === 'won');
  const partCount = Math.max(1, Math.ceil(amounts.length / AMOUNTS_PER_PART));
  const perPart = Math.ceil(amounts.length / partCount);
  const parts = Array.from({ length: partCount }, (_, i) => [...text, ...amounts.slice(i * perPart, (i + 1) * perPart)]);
  return parts
    .map((columns, i) => {
      const part = partCount > 1 ? ` (${i + 1}/${partCount})` : '';
      return `<section data-table="${escapeHtml(table.id)}"${partCount > 1 ? ` data-part="${i + 1}"` : ''}>
<h1>${escapeHtml(heading.title)}${part}</h1>
<p class="meta"><span>${escapeHtml(heading.period)}</span><span>${escapeHtml(heading.unit)}</span></p>
${tableHtml(columns, printed.rows)}
</section>`;
    })
    .join('\n');
}

function tableHtml(columns: readonly ReportColumn[], rows: readonly PrintedRow[]): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = columns.map((c) => {
        const value = row.cells[c.key] ?? '';
        return typeof value === 'bigint' ? `<td class="won">${won(value)}</td>` : `<td>${escapeHtml(value)}</td>`;
      });
      return `<tr${row.kind === 'line' ? '' : ` class="${row.kind}"`}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="${columns.length > 12 ? 'wide' : ''}"><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}

/** 1,234,567 and △1,234,567 (the Korean public-accounts sign for a negative). */
export function won(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0n ? `△${digits}` : digits;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `@page{size:A4 landscape;margin:8mm}
body{font:9pt/1.35 "Noto Sans CJK KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;color:#000;margin:0}
section+section{break-before:page}h1{font-size:13pt;text-align:center;margin:0 0 2mm}
.meta{display:flex;justify-content:space-between;margin:0 0 1mm}
table{width:100%;border-collapse:collapse}thead{display:table-header-group}tr{break-inside:avoid}
th,td{border:.5pt solid #444;padding:.6mm 1.2mm;vertical-align:top}th{background:#e6e6e6;font-weight:bold}
td{overflow-wrap:anywhere}td.won{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;font-family:Arial,"Liberation Sans",sans-serif}
table.wide{font-size:7pt}table.wide td,table.wide th{padding:.4mm .6mm}tr.subtotal,tr.total{font-weight:bold}tr.total td{border-top:1.2pt solid #000}
@media screen{body{margin:1rem}section{margin-bottom:2rem}}`;
