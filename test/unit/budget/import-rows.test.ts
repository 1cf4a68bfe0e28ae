import { describe, expect, it } from 'vitest';
import { parseCsv } from '#shared/domain/budget/csv.ts';
import { rowsFromCsv, rowsFromJson, validateImport } from '#shared/domain/budget/import-rows.ts';
import { expenditureLineInput } from '#test/support/budget-lines.ts';

const context = { accounts: new Set(['GEN']), departments: new Set(['D100']) };
const line = (overrides: Record<string, unknown> = {}) => ({ ...expenditureLineInput({ amount: 10 }), ...overrides });

describe('CSV reader', () => {
  it('reads quoted fields with commas, quotes and line breaks, and reports where each record starts', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['multi\nline', '2'] },
      ],
    });
  });

  it('refuses an unclosed quote and text after a closing quote', () => {
    expect(parseCsv('a\n"open')).toEqual({ ok: false, line: 2, reason: 'a quoted field is not closed' });
    expect(parseCsv('"a"b')).toMatchObject({ ok: false, reason: 'text after a closing quote' });
  });
});

describe('import validation', () => {
  it('accepts valid rows and derives their line ids', () => {
    const result = validateImport(rowsFromJson([line(), line({ statItem: '201-02' })]), context);
    expect(result.ok && result.lines.map((l) => l.lineId)).toEqual(['E.GEN.P01.U01.D001.201-01', 'E.GEN.P01.U01.D001.201-02']);
  });

  it('reports every bad row with its row number, column and reason', () => {
    const result = validateImport(
      rowsFromJson([
        line(),
        line({ statItem: '201-02', amount: 1.5 }),
        line({ statItem: '201-03', sector: '999' }),
        line({ statItem: '201-04', account: 'NOPE', dept: 'D999' }),
        line(),
        line({ statItem: '201-05', colour: 'red' }),
      ]),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 2, column: 'amount', reason: 'amounts are whole won' },
      { row: 3, column: 'sector', reason: 'unknown 부문 (functional sector)' },
      { row: 4, column: 'account', reason: 'no account NOPE for this government' },
      { row: 4, column: 'dept', reason: 'no department D999 for this government' },
      { row: 5, column: 'statItem', reason: 'duplicate line E.GEN.P01.U01.D001.201-01: same key as row 1' },
      { row: 6, column: 'colour', reason: 'unknown field' },
    ]);
    expect(result.errorCount).toBe(6);
  });

  it('numbers CSV rows by their line in the file and checks the header', () => {
    const header =
      'kind,account,policyCode,policyName,unitCode,unitName,detailCode,detailName,statItem,sector,dept,fundingSource,amount,mandatory';
    const good = 'expenditure,GEN,P01,정책,U01,단위,D001,세부,201-01,016,D100,own-revenue,10,true';
    const parsed = rowsFromCsv(
      [header, good, 'expenditure,GEN,P01,정책,U01,단위,D002,세부,201-01,016,D100,own-revenue,ten,', 'revenue,GEN', ''].join('\n'),
    );
    expect('rows' in parsed).toBe(true);
    if (!('rows' in parsed)) return;
    const result = validateImport(parsed.rows, context);
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 3, column: 'amount', reason: expect.stringContaining('expected number') },
      { row: 4, column: '(row)', reason: '2 fields where the header has 14' },
    ]);
    expect(rowsFromCsv('kind,account,dept,amount,shoeSize\n')).toEqual({
      errors: [{ row: 1, column: 'shoeSize', reason: expect.stringContaining('unknown column') }],
    });
    expect(rowsFromCsv('kind,account\n')).toEqual({
      errors: [
        { row: 1, column: 'dept', reason: 'required column missing' },
        { row: 1, column: 'amount', reason: 'required column missing' },
      ],
    });
  });

  it('reads a mixed CSV of expenditure and revenue rows', () => {
    const csv = [
      'kind,account,policyCode,policyName,unitCode,unitName,detailCode,detailName,statItem,sector,category,item,name,dept,fundingSource,amount,mandatory',
      'expenditure,GEN,P01,정책,U01,단위,D001,"세부, 사업",201-01,016,,,,D100,own-revenue,10,Y',
      'revenue,GEN,,,,,,,,,1,ACQTAX,취득세,D100,,10,',
    ].join('\r\n');
    const parsed = rowsFromCsv(csv);
    const result = 'rows' in parsed ? validateImport(parsed.rows, context) : undefined;
    expect(result?.ok && result.lines).toEqual([
      expect.objectContaining({ lineId: 'E.GEN.P01.U01.D001.201-01', detailName: '세부, 사업', mandatory: true, amount: 10 }),
      expect.objectContaining({ lineId: 'R.GEN.1.ACQTAX', amount: 10 }),
    ]);
  });
});

describe('a declared useful life (내용연수, 회계기준규칙 제49조②)', () => {
  it('is read from the CSV as a number on 401/405 lines and refused on a line that books no tangible asset', () => {
    const csv = [
      'kind,account,policyCode,policyName,unitCode,unitName,detailCode,detailName,statItem,sector,dept,fundingSource,amount,assetClass,usefulLifeYears',
      'expenditure,GEN,P01,행정운영,U01,기본경비,D001,부서운영,405-01,016,D100,own-revenue,10,general,8',
      'expenditure,GEN,P01,행정운영,U01,기본경비,D001,부서운영,201-01,016,D100,own-revenue,10,,8',
    ].join('\n');
    const read = rowsFromCsv(csv);
    if (!('rows' in read)) throw new Error(JSON.stringify(read.errors));
    expect(read.rows[0]?.value).toMatchObject({ statItem: '405-01', usefulLifeYears: 8 });
    const result = validateImport(read.rows, context);
    expect(result).toMatchObject({
      errors: [{ row: 3, column: 'usefulLifeYears', code: 'invalid-line-attribute' }],
    });
  });
});
