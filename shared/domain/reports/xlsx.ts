import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { type ReportHeading, reportHeading } from '#shared/domain/reports/headings.ts';
import { type PrintedRow, printedTable } from '#shared/domain/reports/layout.ts';
import type { Report, ReportColumn, ReportTable } from '#shared/domain/reports/report.ts';

/**
 * A small XLSX (SpreadsheetML) writer for reports an official prints: one worksheet per table
 * with title rows (government, report, period, 단위), a bordered header row frozen and repeated
 * on every printed page, names beside codes, subtotal and total rows in bold, amounts as numbers
 * with negatives as △ (the Korean public-accounts convention), and A4 landscape fitted to the
 * page width. Every entry carries the same fixed timestamp so the same report always gives the
 * same bytes: the archive's SHA-256 depends on it, which is why this is hand-written rather than
 * a spreadsheet library (they stamp creation times and ids).
 * Source: practice (결산서 print forms; △ for negatives is the public-accounts convention; A4 and
 * SpreadsheetML per ECMA-376).
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0); // local fields: DOS time has no zone
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Rows above the table: title, period and unit, a blank row; the header is the next row. */
const HEADER_ROW = 4;

/** Style indexes into cellXfs below. */
const STYLE = { header: 1, amount: 2, text: 3, title: 4, unit: 5, totalAmount: 6, totalText: 7 } as const;

/** 1,234,567 and △1,234,567 for a negative; 0 as 0. */
export const WON_FORMAT = '#,##0;"△"#,##0;0';

export function workbookXlsx(report: Report): Uint8Array {
  const tables = report.tables;
  if (tables.length === 0) throw new Error('a workbook needs at least one sheet');
  const files: Record<string, string> = {
    '[Content_Types].xml': contentTypes(tables.length),
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': workbook(tables),
    'xl/_rels/workbook.xml.rels': workbookRels(tables.length),
    'xl/styles.xml': styles(),
  };
  tables.forEach((table, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = worksheet(table, reportHeading(report, table.title));
  });
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[name] = [strToU8(content), { mtime: FIXED_MTIME }];
  return zipSync(entries, { level: 6 });
}

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${overrides}</Types>`
  );
}

function workbook(tables: readonly ReportTable[]): string {
  const names = tables.map((t) => sheetName(t.title));
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // The header row is printed again at the top of every page.
  const printTitles = names
    .map(
      (name, i) =>
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(name.replaceAll("'", "''"))}'!$${HEADER_ROW}:$${HEADER_ROW}</definedName>`,
    )
    .join('');
  return `${XML}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets><definedNames>${printTitles}</definedNames></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  return `${XML}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}

function styles(): string {
  const xf = (numFmt: number, font: number, fill: number, border: number, extra = '', child = '') =>
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${extra}>${child}</xf>`;
  const cellXfs = [
    xf(0, 0, 0, 0),
    xf(
      0,
      1,
      2,
      1,
      ' applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"',
      '<alignment horizontal="center" vertical="center" wrapText="1"/>',
    ),
    xf(164, 0, 0, 1, ' applyNumberFormat="1" applyBorder="1"'),
    xf(0, 0, 0, 1, ' applyBorder="1"'),
    xf(0, 2, 0, 0, ' applyFont="1"'),
    xf(0, 0, 0, 0, ' applyAlignment="1"', '<alignment horizontal="right"/>'),
    xf(164, 1, 0, 1, ' applyNumberFormat="1" applyFont="1" applyBorder="1"'),
    xf(0, 1, 0, 1, ' applyFont="1" applyBorder="1"'),
  ];
  const thin = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>';
  return (
    `${XML}<styleSheet xmlns="${NS}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(WON_FORMAT)}"/></numFmts>` +
    '<fonts count="3"><font><sz val="10"/><name val="맑은 고딕"/></font><font><b/><sz val="10"/><name val="맑은 고딕"/></font>' +
    '<font><b/><sz val="14"/><name val="맑은 고딕"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>` +
    '</styleSheet>'
  );
}

function worksheet(table: ReportTable, heading: ReportHeading): string {
  const printed = printedTable(table);
  const columns = printed.columns;
  const last = Math.max(columns.length - 1, 0);
  const rows = [
    `<row r="1">${inlineString(ref(0, 1), heading.title, STYLE.title)}</row>`,
    `<row r="2">${inlineString(ref(0, 2), heading.period)}${last > 0 ? inlineString(ref(last, 2), heading.unit, STYLE.unit) : ''}</row>`,
    `<row r="${HEADER_ROW}">${columns.map((c, col) => inlineString(ref(col, HEADER_ROW), c.label, STYLE.header)).join('')}</row>`,
  ];
  printed.rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    const bold = row.kind !== 'line';
    const cells = columns.map((c, col) => {
      const value = row.cells[c.key] ?? '';
      return typeof value === 'bigint'
        ? `<c r="${ref(col, r)}" s="${bold ? STYLE.totalAmount : STYLE.amount}"><v>${value}</v></c>`
        : inlineString(ref(col, r), value, bold ? STYLE.totalText : STYLE.text);
    });
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const widths = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c, printed.rows)}" customWidth="1"/>`)
    .join('');
  const frozen = `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
  const merge = last > 0 ? `<mergeCells count="1"><mergeCell ref="A1:${ref(last, 1)}"/></mergeCells>` : '';
  return (
    `${XML}<worksheet xmlns="${NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>${frozen}<cols>${widths}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>${merge}` +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    // A4 (9), landscape, one page wide and as many pages tall as needed.
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter></worksheet>'
  );
}

/** Column width in characters: Korean characters count twice; amounts leave room for 1,000조. */
function columnWidth(column: ReportColumn, rows: readonly PrintedRow[]): number {
  const shown = (cell: unknown) => (typeof cell === 'bigint' ? cell.toLocaleString('en-US') : String(cell ?? ''));
  const widest = Math.max(displayWidth(column.label), ...rows.map((r) => displayWidth(shown(r.cells[column.key]))));
  return Math.min(Math.max(widest + 2, column.type === 'won' ? 14 : 8), 48);
}

const displayWidth = (text: string): number => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1), 0);

const inlineString = (cellRef: string, value: string, style?: number): string =>
  `<c r="${cellRef}"${style === undefined ? '' : ` s="${style}"`} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;

/** A1-style reference: column index from 0, row from 1. */
export function ref(col: number, row: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}

/** Excel limits sheet names to 31 characters without []:*?/\ */
const sheetName = (title: string): string => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

const escapeXml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // characters XML 1.0 cannot carry
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly these control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
