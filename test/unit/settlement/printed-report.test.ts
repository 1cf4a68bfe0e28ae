import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { periodInWords, reportHeading } from '#shared/domain/reports/headings.ts';
import { reportJson } from '#shared/domain/reports/json.ts';
import { printedTable } from '#shared/domain/reports/layout.ts';
import type { Report, ReportTable } from '#shared/domain/reports/report.ts';
import { workbookXlsx } from '#shared/domain/reports/xlsx.ts';
import { dailySummary } from '#shared/domain/settlement/daily-summary.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';

const noDims = { function: '', counterpart: '', cashActivity: '', cashLabel: '', cashCounterpart: '' };

const table: ReportTable = {
  id: 'expenditure',
  title: '세출결산',
  columns: [
    { key: 'fund', label: '회계', type: 'text' },
    { key: 'itemCode', label: '통계목', type: 'text' },
    { key: 'budget', label: '예산현액', type: 'won' },
    { key: 'unused', label: '불용액', type: 'won' },
  ],
  rows: [
    { fund: 'GEN', itemCode: '201-01', budget: 1_000n, unused: 100n },
    { fund: 'GEN', itemCode: '016', budget: 2_000n, unused: -50n },
    { fund: 'SPC', itemCode: '401-01', budget: 9_007_199_254_740_993n, unused: 0n },
  ],
  names: { fund: { GEN: '일반회계', SPC: '기타특별회계' } },
  summary: { labelColumn: 'itemCode', groupBy: 'fund' },
};

const report: Report = {
  report: 'budget-settlement',
  title: '세입세출결산',
  gov: '26110',
  year: 2026,
  period: '2026',
  tables: [table],
  totals: {},
};

describe('printed table', () => {
  it('puts names beside codes and a 소계 after each 회계 and a 합계 at the end, summed exactly', () => {
    const printed = printedTable(table);
    expect(printed.columns.map((c) => c.label)).toEqual(['회계', '회계명', '통계목', '예산현액', '불용액']);
    expect(
      printed.rows.map((r) => [r.kind, r.cells.fund, r.cells['fund:name'] ?? '', r.cells.itemCode, r.cells.budget, r.cells.unused]),
    ).toEqual([
      ['line', 'GEN', '일반회계', '201-01', 1_000n, 100n],
      ['line', 'GEN', '일반회계', '016', 2_000n, -50n],
      ['subtotal', 'GEN', '일반회계', '소계', 3_000n, 50n],
      ['line', 'SPC', '기타특별회계', '401-01', 9_007_199_254_740_993n, 0n],
      ['subtotal', 'SPC', '기타특별회계', '소계', 9_007_199_254_740_993n, 0n],
      ['total', undefined, '', '합계', 9_007_199_254_743_993n, 50n],
    ]);
  });

  it('leaves a table without summary or names as computed', () => {
    const plain = { ...table, names: undefined, summary: undefined };
    expect(printedTable(plain).rows.map((r) => r.cells)).toEqual(table.rows);
  });
});

describe('report.json', () => {
  it('carries the names of the codes beside the rows, which stay as computed (amounts as exact decimal strings)', () => {
    const json = JSON.parse(reportJson(report)) as { tables: Record<string, { rows: unknown[]; names?: unknown }> };
    expect(json.tables.expenditure?.names).toEqual({ fund: { GEN: '일반회계', SPC: '기타특별회계' } });
    expect(json.tables.expenditure?.rows[2]).toEqual({ fund: 'SPC', itemCode: '401-01', budget: '9007199254740993', unused: '0' });
    const unnamed = JSON.parse(reportJson({ ...report, tables: [{ ...table, names: undefined }] })) as typeof json;
    expect(unnamed.tables.expenditure).not.toHaveProperty('names');
  });
});

describe('headings', () => {
  it('names the government under its 시·도, the report, the period in words and the unit', () => {
    expect(reportHeading(report, '세출결산')).toEqual({
      title: '부산광역시 중구 2026회계연도 세입세출결산 — 세출결산',
      period: '기간: 2026회계연도',
      unit: '(단위: 원)',
    });
    expect([periodInWords('2026-01'), periodInWords('2026-01-05'), periodInWords('x')]).toEqual(['2026년 1월', '2026. 1. 5.', 'x']);
  });
});

describe('CSV for spreadsheets', () => {
  it('keeps codes a spreadsheet would mangle as text and carries the totals rows', () => {
    const lines = tableCsv(table).split('\r\n');
    expect(lines[0]).toBe('\uFEFF회계,회계명,통계목,예산현액,불용액');
    expect(lines.slice(1, 7)).toEqual([
      'GEN,일반회계,"=""201-01""",1000,100',
      'GEN,일반회계,"=""016""",2000,-50',
      'GEN,일반회계,소계,3000,50',
      'SPC,기타특별회계,"=""401-01""",9007199254740993,0',
      'SPC,기타특별회계,소계,9007199254740993,0',
      ',,합계,9007199254743993,50',
    ]);
  });
});

describe('XLSX for printing', () => {
  const files = unzipSync(workbookXlsx(report));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);

  it('prints totals in bold and merges the title across the table', () => {
    expect(sheet).toContain('<mergeCell ref="A1:E1"/>');
    // The 합계 row (row 10: header 4, five rows before it) in the bold styles.
    expect(sheet).toMatch(
      /<row r="10"><c r="A10" s="7" t="inlineStr"><is><t xml:space="preserve"><\/t><\/is><\/c>.*<c r="D10" s="6"><v>9007199254743993<\/v><\/c>/,
    );
    expect(sheet).toMatch(/<c r="E6" s="2"><v>-50<\/v><\/c>/);
  });

  it('gives the same bytes for the same report', () => {
    expect(Buffer.from(workbookXlsx(report)).equals(Buffer.from(workbookXlsx(structuredClone(report))))).toBe(true);
  });
});

describe('the printed 일계표', () => {
  it('names each 회계, totals each and the whole, and the cash balances', () => {
    const day = periodOf('daily', '2026-03-05');
    const totals = [
      { fund: 'GEN', account: '1101', day: '2026-03-05', debit: 460_000n, credit: 0n, dims: noDims },
      { fund: 'GEN', account: '1103', day: '2026-03-05', debit: 0n, credit: 460_000n, dims: noDims },
      { fund: 'WATER', account: '1101', day: '2026-03-05', debit: 0n, credit: 10_000n, dims: noDims },
      { fund: 'WATER', account: '5202', day: '2026-03-05', debit: 10_000n, credit: 0n, dims: noDims },
    ];
    const summary = dailySummary('11110', day, totals, [], { GEN: '일반회계', WATER: '상수도사업특별회계' });
    const [accounts, cash] = summary.tables.map((t) => tableCsv(t).split('\r\n'));
    expect(accounts?.filter((l) => l.includes(',소계,'))).toEqual([
      'GEN,일반회계,,소계,460000,460000,460000,460000',
      'WATER,상수도사업특별회계,,소계,10000,10000,10000,10000',
    ]);
    expect(accounts?.at(-2)).toBe(',,,합계,470000,470000,470000,470000');
    expect(cash?.[1]).toBe('GEN,일반회계,460000,0,460000');
    expect(cash?.at(-2)).toBe('합계,,460000,10000,450000');
  });
});
