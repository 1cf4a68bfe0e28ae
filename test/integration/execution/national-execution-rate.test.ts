import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import * as routes from '#shared/routes/execution.ts';
import { currentBudgetKey, totalsKey } from '#shared/stores/budget/keys.ts';
import { fundStatusKey } from '#shared/stores/execution/fund-status.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, GOV, postingClient, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();

/**
 * The nationwide execution rate per government (issue #14): 지출액 from each government's fund
 * status (moved by every payment) over its 세출 예산현액 (the running total a control sync sets), or
 * the final version's 세출 예산액 where that total does not exist yet; exact beyond 2^53, figures by hand.
 */
const BUSAN = '26000';
const DAEGU = '27000';
const put = (Item: Record<string, unknown>) => dynamoClient().send(new PutCommand({ TableName: tableName(), Item }));
const totals = (gov: string, expenditureTotal: string) =>
  put({ ...totalsKey(gov, YEAR), gov, year: YEAR, version: 1, expenditureTotal, revenueTotal: expenditureTotal });
const post = postingClient('rate');
const rate = () => callRoute(routes.getNationalExecutionRate, { params: { year: YEAR }, caller: callers.ministry });

beforeAll(async () => {
  // Two large governments whose sums pass 2^53 = 9,007,199,254,740,992.
  await totals(BUSAN, '6000000000000000');
  await totals(DAEGU, '5000000000000000');
  await put({ ...fundStatusKey(BUSAN, YEAR), gov: BUSAN, year: YEAR, expenditurePaid: 4_500_000_000_000_000 });
  await put({ ...fundStatusKey(DAEGU, YEAR), gov: DAEGU, year: YEAR, expenditurePaid: 1_000_000_000_000_000 });
  await totals(GOV, '40000000');
  await seedLine({ lineId: 'road-repair', allotted: 10_000_000 });
  await seedCash('2026-03', 10_000_000);
});

describe('nationwide execution rate per government', () => {
  it('counts every payment into its government and sums the nation exactly', async () => {
    const f = callers.financeOfficer;
    const commitment = await post(
      routes.createCommitment,
      f,
      {},
      {
        lineId: 'road-repair',
        amount: 3_000_000,
        counterparty: '220-81-12341',
        contractRef: 'C-1',
        date: '2026-03-02',
      },
    );
    const resolution = await post(routes.resolvePayment, f, { commitmentId: commitment }, { amount: 3_000_000, date: '2026-03-03' });
    const order = await post(
      routes.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution },
      { amount: 3_000_000, date: '2026-03-04' },
    );
    await post(routes.confirmPayment, callers.bank, { orderId: order }, { date: '2026-03-05' });

    const result = await rate();
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    // 11000: 3,000,000 ÷ 40,000,000 = 7.50 %; 26000: 4.5e15 ÷ 6e15 = 75.00 %; 27000: 1e15 ÷ 5e15 = 20.00 %.
    expect(result.body.items).toEqual([
      { gov: GOV, budget: '40000000', budgetBasis: '예산액', paid: '3000000', executionRate: '7.50' },
      { gov: BUSAN, budget: '6000000000000000', budgetBasis: '예산액', paid: '4500000000000000', executionRate: '75.00' },
      { gov: DAEGU, budget: '5000000000000000', budgetBasis: '예산액', paid: '1000000000000000', executionRate: '20.00' },
    ]);
    // Σ budget = 11,000,000,040,000,000; Σ paid = 5,500,000,003,000,000; rate = 50.00 % (49.99999998… rounds half up).
    expect(result.body).toMatchObject({
      year: YEAR,
      governments: 3,
      budget: '11000000040000000',
      paid: '5500000003000000',
      executionRate: '50.00',
    });
  });

  it('divides by the 세출 예산현액 where the running total exists, and names the denominator', async () => {
    // 11000's 예산현액: 40,000,000 enacted + 5,000,000 carried in + 3,000,000 성립전 = 48,000,000 (set by a control sync);
    // an unsynced item (a carry-in ADD before any sync) is not read: 26000 stays on its 예산액
    await put({ ...currentBudgetKey(GOV, YEAR), gov: GOV, year: YEAR, expenditureCurrent: 48_000_000, carryIns: 5_000_000, synced: true });
    await put({ ...currentBudgetKey(BUSAN, YEAR), gov: BUSAN, year: YEAR, expenditureCurrent: 7, carryIns: 7 });
    const result = await rate();
    expect(result.body.denominator).toMatch(/^세출 예산현액 = 예산액 \+ 전년도이월액/);
    // 3,000,000 ÷ 48,000,000 = 6.25 %
    expect(result.body.items[0]).toEqual({ gov: GOV, budget: '48000000', budgetBasis: '예산현액', paid: '3000000', executionRate: '6.25' });
    expect(result.body.items[1]).toMatchObject({ gov: BUSAN, budget: '6000000000000000', budgetBasis: '예산액' });
    expect(result.body.budget).toBe('11000000048000000');
  });

  it('is the ministry’s: a government official is refused', async () => {
    const refused = await callRoute(routes.getNationalExecutionRate, { params: { year: YEAR }, caller: callers.financeOfficer });
    expect(refused.status).toBe(403);
  });
});
