import { describe, expect, it } from 'vitest';
import { balanceKey, yearEndAdjustment } from '#shared/domain/accounting/year-end-adjustments.ts';
import type { AdjustmentBooks, Completion, CompletedLine } from '#shared/domain/accounting/year-end-adjustments.ts';

/**
 * The 내용연수 of completed works (회계기준규칙 제49조②, 제50조①): the one given, else the completion year's
 * 401 line's, else the 계속비's (지방재정법 §42: its 예산총칙 entry, else its line in the declaring year).
 * 건설중인자산 of 사회기반시설 (1507) holds 1,000,000 in GEN.
 */
const books: AdjustmentBooks = { year: 2026, balances: new Map([[balanceKey('GEN', '1507'), 1_000_000n]]), register: [] };
const line = (lineId: string, extra: Partial<CompletedLine> = {}): CompletedLine => ({
  lineId,
  fund: 'GEN',
  itemCode: '401-01',
  assetClass: '사회기반시설',
  ...extra,
});
const bridge: Completion = {
  assetId: 'BRIDGE-1',
  fund: 'GEN',
  assetAccount: '1501',
  amount: 1_000_000,
  completedOn: '2026-06-30',
  structureType: '정책사업',
  function: '120',
};
const lifeOf = (c: Partial<Completion>) => {
  const result = yearEndAdjustment({ kind: 'construction-completion', completions: [{ ...bridge, ...c }] }, books);
  if ('code' in result) return result;
  return result.assets[0]!.usefulLifeYears;
};

describe('the useful life of works completed under a 계속비', () => {
  const continuing = { id: 'CE-1', year: 2024, line: line('2024.401', { usefulLifeYears: 25 }) };

  it('takes the 계속비 entry’s life, else its line’s', () => {
    expect(lifeOf({ continuing: { ...continuing, usefulLifeYears: 30 } })).toBe(30);
    expect(lifeOf({ continuing })).toBe(25);
  });

  it('gives way to a life given, and to the completion year’s 401 line', () => {
    expect(lifeOf({ continuing: { ...continuing, usefulLifeYears: 30 }, usefulLifeYears: 40 })).toBe(40);
    expect(lifeOf({ continuing: { ...continuing, usefulLifeYears: 30 }, line: line('2026.401', { usefulLifeYears: 15 }) })).toBe(15);
    expect(lifeOf({ continuing: { ...continuing, usefulLifeYears: 30 }, line: line('2026.401') })).toBe(30);
  });

  it('refuses a 계속비 whose line is not a 401 line of the same 회계 and class, and works with no life anywhere', () => {
    expect(lifeOf({ continuing: { ...continuing, line: line('2024.405', { itemCode: '405-01' }) } })).toMatchObject({
      code: 'adjustment-not-possible',
      detail: 'asset BRIDGE-1: line 2024.405 is a 405-01 line, not 401 시설비',
    });
    expect(lifeOf({ continuing: { ...continuing, line: line('2024.401', { assetClass: '주민편의시설' }) } })).toMatchObject({
      code: 'adjustment-not-possible',
    });
    expect(lifeOf({ continuing: { ...continuing, line: line('2024.401') } })).toMatchObject({
      code: 'adjustment-not-possible',
      detail: 'asset BRIDGE-1: no useful life is given and no 401 line is named; 계속비 CE-1 (2024) and its line 2024.401 declare none',
      context: { continuingExpenditure: 'CE-1' },
    });
  });
});
