import { describe, expect, it } from 'vitest';
import * as estimates from '#shared/routes/estimate.ts';
import * as routes from '#shared/routes/petty-cash.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/** The 일상경비 month of the README: an advance for 일반운영비, spent by 목, the rest returned, the 출납계산서. */
const gov = '11000';
const year = 2026;
const disbursing: TestCaller = { sub: 'do-park', roles: ['disbursing_officer'], gov };
const cashier: TestCaller = { sub: 'dept-cashier', roles: ['department_official'], gov };
const advanceId = 'PC-2026-03-GA';
const params = { gov, year, advanceId };
const advance = {
  advanceId,
  item: 2,
  cashier: '총무과 일상경비 출납원',
  advancedOn: '2026-03-02',
  period: { from: '2026-03-02', to: '2026-03-31' },
  allocations: { '201-01': 3_000_000, '202-01': 500_000 },
};

describe('an 일상경비 advance spent and settled', () => {
  it('refuses an advance over its limit, for an item outside the list, or for too long', async () => {
    const cases = [
      [{ ...advance, advanceId: 'X1', item: 1, allocations: { '202-01': 10_000_001 } }, 'petty-cash-over-limit'],
      [{ ...advance, advanceId: 'X2', item: 16 }, 'petty-cash-item-not-listed'],
      [{ ...advance, advanceId: 'X3', period: { from: '2026-03-02', to: '2026-04-02' } }, 'petty-cash-period-too-long'],
    ] as const;
    for (const [body, code] of cases) {
      const refused = await callRoute(routes.advancePettyCash, { caller: disbursing, params: { gov, year }, body });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe(code);
    }
  });

  it('advances, spends within each 목, returns the rest and closes the 출납계산서 at zero', async () => {
    const made = await callRoute(routes.advancePettyCash, { caller: disbursing, params: { gov, year }, body: advance });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ amount: 3_500_000, statement: { balance: 3_500_000, returnDue: '2027-01-20' } });

    const spend = (spendingId: string, statItem: string, amount: number) =>
      callRoute(routes.recordPettyCashSpending, {
        caller: cashier,
        params,
        body: { spendingId, statItem, date: '2026-03-10', amount, payee: '(주)문구', description: '사무용품 구입' },
      });
    expect((await spend('S-1', '201-01', 2_800_000)).status).toBe(201);
    expect((await spend('S-2', '202-01', 300_000)).status).toBe(201);
    const over = await spend('S-3', '201-01', 200_001);
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'petty-cash-over-advanced', context: { allocated: 3_000_000, spent: 2_800_000 } });
    expect((await spend('S-1', '201-01', 1)).body.code).toBe('petty-cash-document-exists');

    const tooMuch = await callRoute(routes.returnPettyCash, {
      caller: cashier,
      params,
      body: { returnId: 'R-1', date: '2026-04-01', amount: 400_001 },
    });
    expect(tooMuch.body.code).toBe('petty-cash-return-over-balance');
    const returned = await callRoute(routes.returnPettyCash, {
      caller: cashier,
      params,
      body: { returnId: 'R-1', date: '2026-04-01', amount: 400_000 },
    });
    expect(returned.status).toBe(201);

    const read = await callRoute(routes.getPettyCashAdvance, { caller: disbursing, params });
    expect(read.body.statement).toEqual({
      advanced: 3_500_000,
      spent: 3_100_000,
      returned: 400_000,
      balance: 0,
      byStatItem: [
        { statItem: '201-01', advanced: 3_000_000, spent: 2_800_000, unspent: 200_000 },
        { statItem: '202-01', advanced: 500_000, spent: 300_000, unspent: 200_000 },
      ],
      returnDue: '2027-01-20',
      overdue: false,
    });
    expect((await callRoute(routes.getPettyCashAdvance, { caller: disbursing, params: { ...params, advanceId: 'NONE' } })).body.code).toBe(
      'petty-cash-advance-not-found',
    );
  });
});

describe('a 개산급 settled afterwards', () => {
  const officer: TestCaller = { sub: 'fo-kim', roles: ['finance_officer'], gov };
  const estimateParams = { gov, year, estimateId: 'EST-LAW-1' };
  const body = {
    estimateId: 'EST-LAW-1',
    case: 2,
    payee: '법무법인 가나',
    purpose: '행정소송 비용',
    amount: 5_000_000,
    paidOn: '2026-04-01',
  };

  it('records it for a listed case only, settles the difference once', async () => {
    const unlisted = await callRoute(estimates.recordEstimatedPayment, {
      caller: officer,
      params: { gov, year },
      body: { ...body, estimateId: 'X', case: 7 },
    });
    expect(unlisted.body.code).toBe('estimate-case-not-listed');
    expect((await callRoute(estimates.recordEstimatedPayment, { caller: officer, params: { gov, year }, body })).status).toBe(201);
    expect((await callRoute(estimates.recordEstimatedPayment, { caller: officer, params: { gov, year }, body })).body.code).toBe(
      'estimate-exists',
    );
    const settled = await callRoute(estimates.settleEstimatedPayment, {
      caller: officer,
      params: estimateParams,
      body: { settledOn: '2026-09-01', actual: 4_200_000 },
    });
    expect(settled.status).toBe(201);
    expect(settled.body.settlement).toEqual({
      settledOn: '2026-09-01',
      actual: 4_200_000,
      difference: { kind: 'return', amount: 800_000 },
    });
    const twice = await callRoute(estimates.settleEstimatedPayment, {
      caller: officer,
      params: estimateParams,
      body: { settledOn: '2026-09-02', actual: 1 },
    });
    expect(twice.body.code).toBe('estimate-settled');
    const missing = await callRoute(estimates.getEstimatedPayment, { caller: officer, params: { ...estimateParams, estimateId: 'NONE' } });
    expect(missing.body.code).toBe('estimate-not-found');
  });
});
