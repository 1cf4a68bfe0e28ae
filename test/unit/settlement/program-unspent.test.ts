import { describe, expect, it } from 'vitest';
import { programOfLine } from '#shared/domain/budget/line-id.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import { programUnspent } from '#shared/domain/settlement/program-unspent.ts';

/**
 * The 불용액 per 정책사업 the year-end closing records for 과년도 지출 (지방회계법 제37조: "각 정책사업의
 * 금액 중 불용금액"). Figures by hand in the comments.
 */
const line = (
  lineId: string,
  fund: string,
  budget: number,
  paid: number,
  kind: 'expenditure' | 'revenue' = 'expenditure',
): SettlementLine => ({
  lineId,
  fund,
  kind,
  itemCode: '201-01',
  dept: 'D100',
  budget,
  carryIn: 0,
  committed: paid,
  paid,
  assessed: 0,
  received: 0,
  refunded: 0,
});

describe('programOfLine', () => {
  it('is {account}.{정책사업} of a structured expenditure line, carried budgets included; an unstructured line is its own', () => {
    expect(programOfLine('E.GEN.P01.U01.D001.201-01')).toBe('GEN.P01');
    expect(programOfLine('E.GEN.P01.U02.D009.202-01.C2026A')).toBe('GEN.P01');
    expect(programOfLine('E1')).toBe('E1');
    expect(programOfLine('R.GEN.1.ACQTAX')).toBe('R.GEN.1.ACQTAX');
  });
});

describe('programUnspent', () => {
  it('sums 예산현액 − 지출액 − 이월액 over the 정책사업’s lines, per 회계, revenue left out', () => {
    const lines = [
      // P01: 1,000,000 − 1,000,000 = 0 and 500,000 − 200,000 − 사고이월 100,000 = 200,000 → 200,000
      line('E.GEN.P01.U01.D001.201-01', 'GEN', 1_000_000, 1_000_000),
      line('E.GEN.P01.U02.D002.202-01', 'GEN', 500_000, 200_000),
      // P02: 300,000 − 0 = 300,000
      line('E.GEN.P02.U01.D001.201-01', 'GEN', 300_000, 0),
      // the same 정책사업 code in another 회계 is another 정책사업: 80,000 − 30,000 = 50,000
      line('E.WATER.P01.U01.D001.201-01', 'WATER', 80_000, 30_000),
      // a carried budget of P01 in this year: 70,000 − 20,000 = 50,000 onto P01 → 250,000
      line('E.GEN.P01.U01.D001.201-01.C2025A', 'GEN', 70_000, 20_000),
      line('R.GEN.1.ACQTAX', 'GEN', 9_000_000, 0, 'revenue'),
    ];
    const carryOvers = [{ lineId: 'E.GEN.P01.U02.D002.202-01', kind: 'accident' as const, amount: 100_000, reason: '공기 지연' }];
    expect(programUnspent(lines, carryOvers)).toEqual([
      { fund: 'GEN', program: 'GEN.P01', unspent: 250_000 },
      { fund: 'GEN', program: 'GEN.P02', unspent: 300_000 },
      { fund: 'WATER', program: 'WATER.P01', unspent: 50_000 },
    ]);
  });

  it('keeps a 정책사업 that left nothing, at 0 (its 과년도 지출 is refused by the cap, not left waiting)', () => {
    expect(programUnspent([line('E1', 'GEN', 100, 100)], [])).toEqual([{ fund: 'GEN', program: 'E1', unspent: 0 }]);
  });
});
