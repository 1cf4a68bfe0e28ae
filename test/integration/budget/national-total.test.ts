import { describe, expect, it } from 'vitest';
import { getNationalBudgetTotal } from '#shared/routes/budget.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from '#test/integration/budget/support.ts';

await useTestStack();

const year = 2026;
const seoul = '11000';
const jongno = '11110'; // 종로구, under 서울특별시

describe('national budget total in 총계 and 순계', () => {
  it('nets a 회계 전입금 and what a 자치구 received from its 시', async () => {
    await setUpStructure(seoul);
    await setUpStructure(jongno);
    await finalBudget(seoul, year, 'original', [
      revenue({ amount: 1_000_000_000 }),
      expenditure({ statItem: '308-01', amount: 990_000_000 }), // 자치구 조정교부금 and 시비보조금 paid out
      reserve(10_000_000), // the 일반회계's 예비비 (지방재정법 §43①)
    ]);
    await finalBudget(jongno, year, 'original', [
      revenue({ amount: 100_000_000 }),
      revenue({ category: '4', item: 'ADJ', name: '자치구조정교부금', amount: 200_000_000 }),
      revenue({ category: '5', revenueCode: '5-2', item: 'CITYSUB', name: '시비보조금', amount: 300_000_001 }),
      revenue({
        account: 'WATER',
        category: '7',
        revenueCode: '7-3',
        item: 'IN',
        name: '일반회계전입금',
        amount: 50_000_000,
        internalCounterpart: 'GEN',
      }),
      expenditure({ amount: 545_000_001 }),
      reserve(5_000_000),
      expenditure({ statItem: '702-01', amount: 50_000_000, internalCounterpart: 'WATER' }),
      expenditure({ account: 'WATER', detailCode: 'W001', amount: 50_000_000 }),
    ]);

    const total = await callRoute(getNationalBudgetTotal, { params: { year }, caller: { sub: 'mois-1', roles: ['ministry'] } });
    expect(total.status, JSON.stringify(total.body)).toBe(200);
    // 총계 1,000,000,000 + 650,000,001 = 1,650,000,001 on both sides.
    expect(total.body.gross).toEqual({ revenueTotal: '1650000001', expenditureTotal: '1650000001' });
    expect(total.body.revenueTotal).toBe('1650000001');
    // 순계 less 전입금 50,000,000 and 200,000,000 + 300,000,001 from the 시: 1,650,000,001 − 550,000,001 = 1,100,000,000.
    expect(total.body.net).toEqual({
      revenueTotal: '1100000000',
      expenditureTotal: '1100000000',
      internalTransfers: '50000000',
      intergovernmentalTransfers: '500000001',
    });
  });
});
