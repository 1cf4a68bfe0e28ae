import { describe, expect, it } from 'vitest';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';

/**
 * 기금 outside the 세입세출예산 (지방재정법 §34③: a 기금 under 기금관리기본법 §2 may be handled outside
 * it): the 세입세출결산's totals are the 회계' own, the 기금's are apart. Figures by hand:
 *   GEN 세출 1,000,000 paid 600,000; 세입 1,000,000 received 900,000
 *   FUND (기금) 세출 400,000 paid 100,000 (불용액 300,000); 세입 400,000 received 400,000
 */
const line = (fund: string, kind: 'expenditure' | 'revenue', amount: number, done: number): SettlementLine => ({
  lineId: kind === 'expenditure' ? `E.${fund}.P01.U01.D01.201-01` : `R.${fund}.1.TAX`,
  kind,
  fund,
  itemCode: kind === 'expenditure' ? '201-01' : '1',
  dept: 'D100',
  budget: amount,
  carryIn: 0,
  committed: kind === 'expenditure' ? done : 0,
  paid: kind === 'expenditure' ? done : 0,
  assessed: kind === 'revenue' ? done : 0,
  received: kind === 'revenue' ? done : 0,
  refunded: 0,
});
const lines = [
  line('GEN', 'expenditure', 1_000_000, 600_000),
  line('GEN', 'revenue', 1_000_000, 900_000),
  line('FUND', 'expenditure', 400_000, 100_000),
  line('FUND', 'revenue', 400_000, 400_000),
];

describe('기금 in the 세입세출결산 (지방재정법 §34③)', () => {
  it('totals the 세입세출예산 without the 기금, and the 기금 apart', () => {
    const report = budgetSettlement('11000', 2026, lines, [], { GEN: '일반회계', FUND: '재난관리기금' }, [], [], [], new Set(['FUND']));
    expect(report.totals).toMatchObject({
      expenditureBudget: 1_000_000n,
      expenditurePaid: 600_000n,
      unused: 400_000n,
      revenueBudget: 1_000_000n,
      revenueNetReceived: 900_000n,
      surplus: 300_000n,
      fundExpenditureBudget: 400_000n,
      fundExpenditurePaid: 100_000n,
      fundUnused: 300_000n,
      fundRevenueBudget: 400_000n,
      fundRevenueNetReceived: 400_000n,
    });
    // the 기금's lines stay in the tables, under their own 회계
    expect(report.tables.find((t) => t.id === 'expenditure')?.rows.map((r) => r.fund)).toEqual(['FUND', 'GEN']);
  });

  it('a government without a 기금 has no 기금 totals', () => {
    const report = budgetSettlement('11000', 2026, lines.slice(0, 2), []);
    expect(report.totals).toMatchObject({ expenditureBudget: 1_000_000n });
    expect(Object.keys(report.totals).filter((name) => name.startsWith('fund'))).toEqual([]);
  });
});
