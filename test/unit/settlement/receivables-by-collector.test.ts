import { describe, expect, it } from 'vitest';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import type { SettlementLine } from '#shared/domain/settlement/budget-settlement.ts';
import type { CollectorReceivables } from '#shared/domain/settlement/receivables-by-collector.ts';

/**
 * 미수납액 per 징수관 (issue #15): two 징수관 on one line; their rows add up to the 세입결산's line, and the
 * next year shows what each carried in and what 과년도 수입 and 불납결손 settled of it.
 */
const line: SettlementLine = {
  lineId: 'R1',
  kind: 'revenue',
  fund: 'GEN',
  itemCode: '2',
  dept: '',
  budget: 1_000_000,
  carryIn: 0,
  committed: 0,
  paid: 0,
  assessed: 900_000,
  received: 500_000,
  refunded: 0,
  writtenOff: 100_000,
};
const of = (collector: string, figures: Partial<CollectorReceivables>): CollectorReceivables => ({
  fund: 'GEN',
  lineId: 'R1',
  collector,
  assessed: 0,
  received: 0,
  writtenOff: 0,
  receivedLater: 0,
  writtenOffLater: 0,
  ...figures,
});
// 박 assessed 600,000, 400,000 received, 100,000 written off: 100,000 left. 김 300,000, 100,000 received: 200,000 left.
const current = [
  of('ro-park', { assessed: 600_000, received: 400_000, writtenOff: 100_000 }),
  of('ro-kim', { assessed: 300_000, received: 100_000 }),
];

describe('징수관별 미수납액', () => {
  const report = budgetSettlement('11000', 2026, [line], [], {}, [], [], [], new Set(), { current, prior: [] });
  const table = (id: string) => report.tables.find((t) => t.id === id);

  it('splits the 세입결산 line by 징수관, and the 미수납액 add up to the line’s', () => {
    expect(table('outstanding-by-collector')?.rows).toEqual([
      { fund: 'GEN', collector: 'ro-kim', lineId: 'R1', assessed: 300_000n, received: 100_000n, writtenOff: 0n, outstanding: 200_000n },
      {
        fund: 'GEN',
        collector: 'ro-park',
        lineId: 'R1',
        assessed: 600_000n,
        received: 400_000n,
        writtenOff: 100_000n,
        outstanding: 100_000n,
      },
    ]);
    const sum = (table('outstanding-by-collector')?.rows ?? []).reduce((s, r) => s + (r.outstanding as bigint), 0n);
    expect(sum).toBe(report.totals.revenueOutstanding);
    expect(sum).toBe(300_000n);
  });

  it('shows next year the receivables each 징수관 carried in, what was settled and what is left', () => {
    const prior = [
      { ...current[0], receivedLater: 60_000, writtenOffLater: 40_000 },
      { ...current[1], receivedLater: 50_000 },
      of('ro-lee', { assessed: 70_000, received: 70_000 }),
    ] as CollectorReceivables[];
    const next = budgetSettlement('11000', 2027, [], [], {}, [], [], [], new Set(), { current: [], prior });
    // ro-lee collected everything in 2026: nothing carried, no row.
    expect(next.tables.find((t) => t.id === 'opening-receivables-by-collector')?.rows).toEqual([
      { fund: 'GEN', collector: 'ro-kim', lineId: 'R1', opening: 200_000n, receivedLater: 50_000n, writtenOffLater: 0n, left: 150_000n },
      { fund: 'GEN', collector: 'ro-park', lineId: 'R1', opening: 100_000n, receivedLater: 60_000n, writtenOffLater: 40_000n, left: 0n },
    ]);
  });
});
