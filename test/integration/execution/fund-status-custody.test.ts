import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { callRoute } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, callers, FUND, GOV, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

/**
 * The fund status keeps budget cash and 세입세출외현금 apart (issue #16): a March salary of 3,000,000
 * with 406,350 withheld, then in April the income tax (150,000) remitted in full and the health
 * insurance (106,350) in part (50,000). Figures by hand:
 *   cash out      = net paid 2,593,650 + remitted 200,000             = 2,793,650 → cash −2,793,650
 *   custody cash  = withheld 406,350 − remitted 200,000               =   206,350
 *   budget cash   = cash − custody = −2,793,650 − 206,350             = −3,000,000 (the gross the line paid)
 */
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};
let keys = 0;
const post = async (
  route: (typeof routes)[keyof typeof routes],
  caller: object,
  params: Record<string, string | number>,
  body: unknown,
) => {
  const answer = await callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year: YEAR, ...params },
    body,
    headers: { 'Idempotency-Key': `custody-${++keys}` },
  });
  return String((await appliedPosting(answer)).postingId);
};
const fundStatus = async () => (await callRoute(routes.getFundStatus, { caller: callers.ministry, params: { gov: GOV, year: YEAR } })).body;
const nationalStatus = async () =>
  (await callRoute(routes.getNationalFundStatus, { caller: callers.ministry, params: { year: YEAR } })).body;

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'salaries', allotted: 10_000_000, itemCode: '101-01' });
  await seedCash('2026-03', 5_000_000);
});
afterAll(() => restore());

describe('fund status: budget cash and 세입세출외현금 apart', () => {
  it('counts what a salary withheld as custody cash, not as budget cash', async () => {
    on('2026-03-25T10:00:00+09:00');
    const commitmentId = await post(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      {
        lineId: 'salaries',
        amount: 3_000_000,
        counterparty: '직원 급여 3월',
        contractRef: 'PAY-2026-03',
        date: '2026-03-25',
        attribution: { category: 'fact-date', date: '2026-03-25' },
      },
    );
    const resolutionId = await post(
      routes.resolvePayment,
      callers.financeOfficer,
      { commitmentId },
      { amount: 3_000_000, date: '2026-03-25' },
    );
    const withholdings = [
      { kind: 'income-tax', amount: 150_000 },
      { kind: 'local-income-tax', amount: 15_000 },
      { kind: 'national-pension', amount: 135_000 },
      { kind: 'health-insurance', amount: 106_350 },
    ];
    const orderId = await post(
      routes.orderPayment,
      callers.disbursingOfficer,
      { resolutionId },
      { amount: 3_000_000, date: '2026-03-25', withholdings },
    );
    await post(routes.confirmPayment, callers.bank, { orderId }, { date: '2026-03-25' });

    const figures = { inflow: '0', outflow: '2593650', cash: '-2593650', budgetCash: '-3000000', custodyCash: '406350' };
    expect(await fundStatus()).toMatchObject({ funds: [{ fund: FUND, ...figures }], total: figures });
  });

  it('takes a remittance out of custody cash only, in the government read and the national read', async () => {
    on('2026-04-10T10:00:00+09:00');
    await post(
      routes.withdrawCustody,
      callers.bank,
      { custodyId: 'WH-2026-03-income-tax' },
      { amount: 150_000, date: '2026-04-10', purpose: 'remittance' },
    );
    await post(
      routes.withdrawCustody,
      callers.bank,
      { custodyId: 'WH-2026-03-health-insurance' },
      { amount: 50_000, date: '2026-04-10', purpose: 'remittance' },
    );

    const figures = { inflow: '0', outflow: '2793650', cash: '-2793650', budgetCash: '-3000000', custodyCash: '206350' };
    expect(await fundStatus()).toMatchObject({ funds: [{ fund: FUND, ...figures }], total: figures });
    expect(await nationalStatus()).toMatchObject({ governments: 1, funds: [{ fund: FUND, ...figures }], total: figures });
  });
});
