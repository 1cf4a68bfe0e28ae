import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseArchiveKey } from '#shared/domain/reports/archive-keys.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { renderReport } from '#shared/domain/reports/render.ts';
import { ref, workbookXlsx } from '#shared/domain/reports/xlsx.ts';
import { entityLedgers } from '#shared/domain/settlement/entity-ledgers.ts';
import { financialStatements } from '#shared/domain/settlement/financial-statements.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { trialBalance } from '#shared/domain/settlement/trial-balance.ts';
import { opening, totals } from '#test/unit/settlement/fixture.ts';

const report = trialBalance('11110', periodOf('monthly', '2025-01'), totals, opening);

describe('CSV', () => {
  it('starts with a UTF-8 BOM, has Korean headers and CRLF rows, and quotes and defuses text', () => {
    const csv = tableCsv({
      id: 't',
      title: 't',
      columns: [
        { key: 'name', label: '계정과목', type: 'text' },
        { key: 'amount', label: '금액', type: 'won' },
      ],
      rows: [
        { name: '현금, "보통"', amount: 1234567n },
        { name: '=HYPERLINK("x")', amount: -5n },
      ],
    });
    expect(csv.startsWith('\uFEFF계정과목,금액\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1)).toEqual(['"현금, ""보통""",1234567', `"'=HYPERLINK(""x"")",-5`, '']);
  });
});

describe('XLSX', () => {
  it('is a zip of SpreadsheetML with Korean sheet names and labels and △ amounts', () => {
    const ledgers = entityLedgers([{ id: 'GEN', name: '일반회계', type: '일반회계' }], totals, opening, () => true);
    const statements = financialStatements('11110', 2025, ledgers, []);
    const files = unzipSync(workbookXlsx(statements));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/sheet5.xml',
    ]);
    const xml = (name: string) => strFromU8(files[name] as Uint8Array);
    expect(xml('xl/workbook.xml')).toContain('<sheet name="재정상태표" sheetId="1" r:id="rId1"/>');
    expect(xml('xl/workbook.xml')).toContain('<sheet name="순자산변동표" sheetId="4" r:id="rId4"/>');
    expect(xml('xl/styles.xml')).toContain('<numFmt numFmtId="164" formatCode="#,##0;&quot;△&quot;#,##0;0"/>');
    expect(xml('xl/styles.xml')).toMatch(/<cellXfs count="8">(<xf [^>]*(\/>|>.*?<\/xf>)){2}<xf numFmtId="164"[^>]*applyNumberFormat="1"/);
    const sheet = xml('xl/worksheets/sheet1.xml');
    // Title rows: government, year, report and table; the period and the unit; the header on row 4.
    expect(sheet).toContain('<t xml:space="preserve">서울특별시 종로구 2025회계연도 재무제표 — 재정상태표</t>');
    expect(sheet).toContain('<t xml:space="preserve">기간: 2025회계연도</t>');
    expect(sheet).toContain('<t xml:space="preserve">(단위: 원)</t>');
    expect(sheet).toContain('<c r="E4" s="1" t="inlineStr"><is><t xml:space="preserve">계정과목</t></is></c>');
    // 자산총계 row carries the number 1,390,000 (당기) with the amount style.
    expect(sheet).toMatch(/자산총계<\/t><\/is><\/c><c r="F\d+" s="2"><v>1390000<\/v><\/c>/);
    // Frozen below the header, A4 landscape one page wide, the header repeated on every page.
    expect(sheet).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'재정상태표'!$4:$4</definedName>`);
    for (const name of Object.keys(files)) expect(xml(name).startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
  });

  it('names columns past Z the way Excel does', () => {
    expect([ref(0, 1), ref(25, 2), ref(26, 3), ref(701, 4), ref(702, 5)]).toEqual(['A1', 'Z2', 'AA3', 'ZZ4', 'AAA5']);
  });
});

describe('rendered report and manifest', () => {
  it('gives the same bytes every time, under predictable keys, with each SHA-256 in the manifest', () => {
    const first = renderReport(report);
    const second = renderReport(trialBalance('11110', periodOf('monthly', '2025-01'), totals, opening));
    expect(first.files.map((f) => f.key)).toEqual([
      '2025/11110/trial-balance/2025-01/report.json',
      '2025/11110/trial-balance/2025-01/trial-balance.csv',
      '2025/11110/trial-balance/2025-01/report.xlsx',
      '2025/11110/trial-balance/2025-01/report.html',
    ]);
    expect(first.manifest.key).toBe('2025/11110/trial-balance/2025-01/manifest.json');
    expect(Buffer.from(second.manifest.bytes).equals(Buffer.from(first.manifest.bytes))).toBe(true);
    for (const [i, file] of first.files.entries()) {
      expect(Buffer.from(file.bytes).equals(Buffer.from(second.files[i]?.bytes ?? []))).toBe(true);
      expect(first.manifestBody.files[i]).toEqual({
        file: file.file,
        key: file.key,
        contentType: file.contentType,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      });
    }
    const json = JSON.parse(Buffer.from(first.files[0]?.bytes ?? []).toString('utf8'));
    expect(json.totals).toEqual({ debitTotal: '2070000', creditTotal: '2070000', debitBalance: '1500000', creditBalance: '1500000' });
    expect(parseArchiveKey(first.manifest.key)).toEqual({
      year: 2025,
      gov: '11110',
      report: 'trial-balance',
      period: '2025-01',
      file: 'manifest.json',
    });
    expect(parseArchiveKey('2025/11110/../x/manifest.json')).toBeUndefined();
  });
});
