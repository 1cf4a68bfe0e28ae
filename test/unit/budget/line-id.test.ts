import { describe, expect, it } from 'vitest';
import { lineIdOf, toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { budgetLineInput, lineId } from '#shared/schemas/budget.ts';
import { expenditureLineInput } from '#test/support/budget-lines.ts';

const base = expenditureLineInput({ amount: 1 });

describe('line ids and line validation', () => {
  it('derives the id from the structural key only, so it is the same in every version', () => {
    const line = budgetLineInput.parse(base);
    const renamedAndRaised = budgetLineInput.parse({ ...base, detailName: '다른 이름', amount: 999, dept: 'D200', sector: '081' });
    expect(lineIdOf(line)).toBe('E.GEN.P01.U01.D001.201-01');
    expect(lineIdOf(renamedAndRaised)).toBe(lineIdOf(line));
    expect(lineIdOf(budgetLineInput.parse({ ...base, statItem: '201-02' }))).not.toBe(lineIdOf(line));
    expect(
      lineIdOf(
        budgetLineInput.parse({ kind: 'revenue', account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', dept: 'D1', amount: 1 }),
      ),
    ).toBe('R.GEN.1.ACQTAX');
    expect(lineId.safeParse(lineIdOf(line)).success).toBe(true);
  });

  it('tags an expenditure line with the 분야 of its 부문', () => {
    expect(toBudgetLine(budgetLineInput.parse({ ...base, sector: '081' }))).toMatchObject({ field: '080' });
  });

  it('accepts an unknown 통계목 of a known 편성목, rejects an unknown 편성목, group or 부문', () => {
    expect(budgetLineInput.safeParse({ ...base, statItem: '201-77' }).success).toBe(true);
    for (const statItem of ['109-99', '209-77', '899-01']) {
      const unknownItem = budgetLineInput.safeParse({ ...base, statItem });
      expect(unknownItem.error?.issues[0]).toMatchObject({
        path: ['statItem'],
        message: 'unknown 편성목 (the first three digits of the 통계목)',
      });
    }
    const unknownGroup = budgetLineInput.safeParse({ ...base, statItem: '901-01' });
    expect(unknownGroup.error?.issues[0]?.path).toEqual(['statItem']);
    const unknownSector = budgetLineInput.safeParse({ ...base, sector: '017' });
    expect(unknownSector.error?.issues[0]).toMatchObject({ path: ['sector'], message: 'unknown 부문 (functional sector)' });
    expect(budgetLineInput.safeParse({ ...base, sector: '010' }).success).toBe(false); // a 분야 is not a 부문
  });

  it('rejects fractional, negative and unsafe amounts, unknown fields and dotted codes', () => {
    for (const amount of [1.5, -1, 2 ** 53]) expect(budgetLineInput.safeParse({ ...base, amount }).success).toBe(false);
    expect(budgetLineInput.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(budgetLineInput.safeParse({ ...base, detailCode: 'D.001' }).success).toBe(false);
  });
});
