import { describe, expect, it } from 'vitest';
import { rollup } from '#shared/domain/budget/line-status.ts';
import type { ControlCounters } from '#shared/domain/budget/line-status.ts';

const control = (itemCode: string, budget: number, paid: number, kind: ControlCounters['kind'] = 'expenditure'): ControlCounters => ({
  lineId: `E.GEN.P01.U01.D001.${itemCode}`,
  kind,
  fund: 'GEN',
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
