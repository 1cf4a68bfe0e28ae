import { describe, expect, it } from 'vitest';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';

/**
 * 세입세출결산 (issue #14): 예산현액 shown in its statutory parts, from the named counters of the
 * control items. Every figure below is computed by hand in the comments, not by the code under test.
 */
const zero = {
  fund: 'GEN',
  dept: 'D100',
  kind: 'expenditure' as const,
  carryIn: 0,
  committed: 0,
  paid: 0,
  assessed: 0,
  received: 0,
  refunded: 0,
};
const line = (lineId: string, itemCode: string, figures: Partial<SettlementLine>): SettlementLine => ({
  ...zero,
  lineId,
  itemCode,
  budget: 0,
  ...figures,
});

const lines: SettlementLine[] = [
  // 사무관리비: 10,000,000 + 이월 500,000 − 전용 out 1,000,000 = 9,500,000; 300,000 of its payments recoded away.
  line('E1', '201-01', {
    enacted: 10_000_000,
    carryIn: 500_000,
    diversionNet: -1_000_000,
    changesNet: -1_000_000,
    budget: 9_500_000,
    committed: 7_000_000,
    paid: 6_000_000,
    recodedNet: -300_000,
  }),
  // 재료비: 2,000,000 + 전용 in 1,000,000 + 예비비 400,000 = 3,400,000; the recoded 300,000 is in its 3,100,000 paid.
  line('E2', '206-01', {
    enacted: 2_000_000,
    diversionNet: 1_000_000,
    reserveNet: 400_000,
    changesNet: 1_400_000,
    budget: 3_400_000,
    paid: 3_100_000,
    recodedNet: 300_000,
  }),
  // 예비비: 900,000 − 400,000 used = 500,000.
  line('E3', '801-01', { enacted: 900_000, reserveNet: -400_000, changesNet: -400_000, budget: 500_000 }),
  // 성립전 line: 0 + 3,000,000 = 3,000,000, 1,000,000 paid.
  line('E4', '307-02', { enacted: 0, preEstablished: 3_000_000, changesNet: 3_000_000, budget: 3_000_000, paid: 1_000_000 }),
  // 이용 between 정책사업: 1,000,000 − 200,000 = 800,000 and 500,000 + 200,000 = 700,000 (all paid).
  line('E5', '202-01', { enacted: 1_000_000, transferNet: -200_000, changesNet: -200_000, budget: 800_000 }),
  line('E6', '202-01', { enacted: 500_000, transferNet: 200_000, changesNet: 200_000, budget: 700_000, paid: 700_000 }),
  // 이체 on a reorganisation: 250,000 moves to a new office's line.
  line('E7', '201-01', { enacted: 0, reallocationNet: 250_000, changesNet: 250_000, budget: 250_000 }),
  line('E8', '201-01', { enacted: 250_000, reallocationNet: -250_000, changesNet: -250_000, budget: 0 }),
  // An item written before the components existed: 예산액 = 1,200,000 − 이월 200,000 − changes 0 = 1,000,000.
  line('E9', '201-01', { carryIn: 200_000, budget: 1_200_000 }),
];

describe('세입세출결산: the components of 예산현액', () => {
  const report = budgetSettlement('11170', 2026, lines, [{ lineId: 'E1', kind: 'accident', amount: 1_000_000, reason: '공사 지연' }]);
  const expenditure = report.tables.find((t) => t.id === 'expenditure');
  const rowOf = (lineId: string) => expenditure?.rows.find((r) => r.lineId === lineId);

  it('shows 예산액, 전년도이월액, 이용·전용·이체, 예비비 and 성립전 in their columns, summing to 예산현액', () => {
    expect(expenditure?.columns.map((c) => c.label).slice(5, 16)).toEqual([
      '예산액',
      '전년도이월액',
      '이용증감액',
      '전용증감액',
      '이체증감액',
      '예비비지출액',
      '성립전예산액',
      '예산현액',
      '지출원인행위액',
      '지출액',
      '과목경정증감액',
    ]);
    // 불용액 E1 = 9,500,000 − 6,000,000 − 사고이월 1,000,000 = 2,500,000.
    expect(rowOf('E1')).toMatchObject({
      original: 10_000_000n,
      carryIn: 500_000n,
      transfer: 0n,
      diversion: -1_000_000n,
      reallocation: 0n,
      reserve: 0n,
      preEstablished: 0n,
      budget: 9_500_000n,
      paid: 6_000_000n,
      recoded: -300_000n,
      carriedOver: 1_000_000n,
      unused: 2_500_000n,
    });
    expect(rowOf('E2')).toMatchObject({
      original: 2_000_000n,
      diversion: 1_000_000n,
      reserve: 400_000n,
      budget: 3_400_000n,
      unused: 300_000n,
    });
    expect(rowOf('E4')).toMatchObject({ original: 0n, preEstablished: 3_000_000n, budget: 3_000_000n, unused: 2_000_000n });
    expect(rowOf('E9')).toMatchObject({ original: 1_000_000n, carryIn: 200_000n, budget: 1_200_000n });
  });

  it('totals: the moves net to zero, 성립전 and 이월 add to 예산액', () => {
    // 예산액 10,000,000 + 2,000,000 + 900,000 + 0 + 1,000,000 + 500,000 + 0 + 250,000 + 1,000,000 = 15,650,000;
    // 예산현액 15,650,000 + 이월 700,000 + 성립전 3,000,000 = 19,350,000;
    // 지출액 6,000,000 + 3,100,000 + 1,000,000 + 700,000 = 10,800,000; 불용액 19,350,000 − 10,800,000 − 1,000,000 = 7,550,000.
    expect(report.totals).toMatchObject({
      expenditureOriginal: 15_650_000n,
      expenditureCarryIn: 700_000n,
      expenditureTransfer: 0n,
      expenditureDiversion: 0n,
      expenditureReallocation: 0n,
      expenditureReserve: 0n,
      expenditurePreEstablished: 3_000_000n,
      expenditureBudget: 19_350_000n,
      expenditurePaid: 10_800_000n,
      carriedOver: 1_000_000n,
      unused: 7_550_000n,
    });
  });
});
