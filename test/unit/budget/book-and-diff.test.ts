import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetBook } from '#shared/domain/budget/book.ts';
import { diffVersions } from '#shared/domain/budget/diff.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';
import { expenditureLineInput, revenueLineInput } from '#test/support/budget-lines.ts';
import type { ExpenditureLineInput, RevenueLineInput } from '#test/support/budget-lines.ts';

const spend = (overrides: Partial<ExpenditureLineInput> = {}): BudgetLine =>
  toBudgetLine({ mandatory: false, ...expenditureLineInput({ amount: 100, ...overrides }) });
const income = (overrides: Partial<RevenueLineInput> = {}): BudgetLine =>
  toBudgetLine(revenueLineInput({ item: 'TAX', name: '지방세', amount: 100, ...overrides }));

const sum = (rows: readonly { total: bigint }[]) => rows.reduce((s, r) => s + r.total, 0n);

describe('budget book', () => {
  it('breaks spending down by 분야/부문, 성질 group/편성목, department, account and funding source', () => {
    const book = budgetBook(
      [
        spend({ statItem: '201-01', amount: 10 }),
        spend({ statItem: '201-02', amount: 20 }),
        spend({ statItem: '401-01', sector: '081', dept: 'D200', fundingSource: 'national-subsidy', amount: 30 }),
        income({ amount: 60 }),
      ],
      (code) => `dept ${code}`,
      (code) => `account ${code}`,
    );
    expect(book.expenditureTotal).toBe(60n);
    expect(book.byFunction.map((f) => [f.code, f.name, f.total, f.children.map((s) => s.code)])).toEqual([
      ['010', '일반공공행정', 30n, ['016']],
      ['080', '사회복지', 30n, ['081']],
    ]);
    expect(book.byEconomicGroup.map((g) => [g.code, g.name, g.total, g.children.map((i) => [i.code, i.total])])).toEqual([
      ['200', '물건비', 30n, [['201', 30n]]],
      ['400', '자본지출', 30n, [['401', 30n]]],
    ]);
    expect(book.byDepartment).toEqual([
      { code: 'D100', name: 'dept D100', total: 30n },
      { code: 'D200', name: 'dept D200', total: 30n },
    ]);
    expect(book.byAccount).toEqual([{ code: 'GEN', name: 'account GEN', total: 60n, revenue: 60n }]);
    expect(book.byRevenueCategory).toEqual([{ code: '1', name: '지방세수입', total: 60n }]);
  });

  it('names 통계목 codes missing from the partial table by their code', () => {
    const book = budgetBook([spend({ statItem: '209-07' })], String, String);
    expect(book.byEconomicGroup[0]?.children[0]).toEqual({ code: '209', name: '209', total: 100n });
  });

  it('adds up exactly in every breakdown, for any lines', () => {
    const line = fc.record({
      statItem: fc.constantFrom('101-04', '201-01', '307-02', '401-01', '801-01'),
      sector: fc.constantFrom('016', '081', '026', '161'),
      dept: fc.constantFrom('D1', 'D2', 'D3'),
      amount: fc.maxSafeNat(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (rows) => {
        const lines = rows.map((row, i) => spend({ ...row, detailCode: `D${i}` }));
        const book = budgetBook(lines, String, String);
        const total = rows.reduce((s, r) => s + BigInt(r.amount), 0n);
        expect(book.expenditureTotal).toBe(total);
        for (const breakdown of [book.byFunction, book.byEconomicGroup, book.byDepartment, book.byFundingSource])
          expect(sum(breakdown)).toBe(total);
        for (const group of [...book.byFunction, ...book.byEconomicGroup]) expect(sum(group.children)).toBe(group.total);
      }),
    );
  });
});

describe('version diff', () => {
  it('matches lines by id and reports added, removed and changed lines with exact deltas', () => {
    const kept = spend({ detailCode: 'KEEP' });
    const raised = spend({ detailCode: 'RAISE', amount: 100 });
    const renamed = spend({ detailCode: 'RENAME', amount: 5 });
    const dropped = spend({ detailCode: 'DROP', amount: 40 });
    const fresh = spend({ detailCode: 'NEW', amount: 70 });
    const tax = income({ amount: 1000 });
    const diff = diffVersions(
      [kept, raised, renamed, dropped, tax],
      [
        kept,
        spend({ detailCode: 'RAISE', amount: 130 }),
        spend({ detailCode: 'RENAME', amount: 5, detailName: '새 이름' }),
        fresh,
        income({ amount: 1060 }),
      ],
    );
    expect(diff.unchangedCount).toBe(1);
    expect(diff.added).toEqual([{ lineId: fresh.lineId, kind: 'expenditure', before: 0, after: 70, delta: 70n }]);
    expect(diff.removed).toEqual([{ lineId: dropped.lineId, kind: 'expenditure', before: 40, after: 0, delta: -40n }]);
    expect(diff.changed.map((c) => [c.lineId, c.delta])).toEqual([
      [raised.lineId, 30n],
      [renamed.lineId, 0n],
      [tax.lineId, 60n],
    ]);
    expect(diff.expenditureDelta).toBe(60n);
    expect(diff.revenueDelta).toBe(60n);
  });
});
