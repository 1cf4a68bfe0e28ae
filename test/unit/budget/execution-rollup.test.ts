import { describe, expect, it } from 'vitest';
import { rollup, scopedRollup } from '#shared/domain/budget/line-status.ts';
import type { ControlCounters } from '#shared/domain/budget/line-status.ts';

const control = (
  itemCode: string,
  budget: number,
  paid: number,
  kind: ControlCounters['kind'] = 'expenditure',
  fund = 'GEN',
): ControlCounters => ({
  lineId: `E.${fund}.P01.U01.D001.${itemCode}`,
  kind,
  fund,
  itemCode,
  dept: 'D100',
  budget,
  allotted: budget,
  committed: paid,
  paid,
});

describe('집행현황 by 성질 (편성목)', () => {
  it('sums the 통계목 of one 편성목 together, exactly, and leaves revenue lines out', () => {
    const groups = rollup(
      [control('201-01', 1_000, 250), control('201-02', 3_000, 750), control('202-01', 2_000, 0), control('2', 9_000, 9_000, 'revenue')],
      'economic',
    );
    expect(groups).toEqual([
      { key: '201', lines: 2, budget: '4000', allotted: '4000', committed: '1000', paid: '1000', executionRate: '25.00' },
      { key: '202', lines: 1, budget: '2000', allotted: '2000', committed: '0', paid: '0', executionRate: '0.00' },
    ]);
  });
});

describe('집행현황 of the 세입세출예산, the 기금 apart (지방재정법 §34③)', () => {
  const controls = [
    control('201-01', 4_000, 1_000),
    control('308-01', 2_000, 1_500, 'expenditure', 'FUND'),
    control('2', 9_000, 9_000, 'revenue'),
  ];

  it('rates the 세입세출예산 without the 기금 lines and totals the 기금 beside it, grouped apart', () => {
    expect(scopedRollup(controls, 'department', new Set(['FUND']))).toEqual({
      budget: '4000',
      paid: '1000',
      executionRate: '25.00',
      fundBudget: '2000',
      fundPaid: '1500',
      fundExecutionRate: '75.00',
      groups: [
        {
          key: 'D100',
          scope: 'budget',
          lines: 1,
          budget: '4000',
          allotted: '4000',
          committed: '1000',
          paid: '1000',
          executionRate: '25.00',
        },
        { key: 'D100', scope: 'fund', lines: 1, budget: '2000', allotted: '2000', committed: '1500', paid: '1500', executionRate: '75.00' },
      ],
    });
  });

  it('has no 기금 totals where the government keeps no 기금', () => {
    const rolled = scopedRollup(controls, 'account', new Set());
    expect(rolled).toMatchObject({ budget: '6000', paid: '2500', executionRate: '41.67' });
    expect(rolled).not.toHaveProperty('fundBudget');
    expect(rolled.groups.map((g) => [g.key, g.scope])).toEqual([
      ['FUND', 'budget'],
      ['GEN', 'budget'],
    ]);
  });
});
