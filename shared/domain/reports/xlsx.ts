import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { ReportTable } from '#shared/domain/reports/report.ts';

/**
 * A minimal XLSX (SpreadsheetML) writer: one worksheet per table, a bold header row, inline
 * strings, and amounts as numbers formatted `#,##0`. Every entry carries the same fixed
 * timestamp so the same tables always give the same bytes.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0); // local fields: DOS time has no zone
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into cellXfs below. */
const STYLE = { header: 1, amount: 2 } as const;

export function workbookXlsx(tables: readonly ReportTable[]): Uint8Array {
  if (tables.length === 0) throw new Error('a workbook needs at least one sheet');
  const files: Record<string, string> = {
    '[Content_Types].xml': contentTypes(tables.length),
    '_rels/.rels': `${XML}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': workbook(tables),
    'xl/_rels/workbook.xml.rels': workbookRels(tables.length),
    'xl/styles.xml': styles(),
  };
  tables.forEach((table, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = worksheet(table);
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
  const sheets = tables.map((t, i) => `<sheet name="${escapeXml(sheetName(t.title))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
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
  return (
    `${XML}<styleSheet xmlns="${NS}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="맑은 고딕"/></font><font><b/><sz val="11"/><name val="맑은 고딕"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '</styleSheet>'
  );
}

function worksheet(table: ReportTable): string {
  const header = table.columns.map((c, col) => inlineString(ref(col, 1), c.label, STYLE.header)).join('');
  const rows = [`<row r="1">${header}</row>`];
  table.rows.forEach((row, i) => {
    const r = i + 2;
    const cells = table.columns.map((c, col) => {
      const value = row[c.key] ?? '';
      return typeof value === 'bigint' ? `<c r="${ref(col, r)}" s="${STYLE.amount}"><v>${value}</v></c>` : inlineString(ref(col, r), value);
    });
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const widths = table.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.type === 'won' ? 20 : 16}" customWidth="1"/>`)
    .join('');
  return `${XML}<worksheet xmlns="${NS}"><cols>${widths}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

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
