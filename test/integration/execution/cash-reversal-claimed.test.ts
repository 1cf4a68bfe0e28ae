import { beforeAll, describe, expect, it } from 'vitest';
import { allocateCash, reverseCashAllocation } from '#shared/routes/budget.ts';
import * as execution from '#shared/routes/execution.ts';
import { allot, fund, officials, posting, setUpAccounts } from '#test/integration/accounting/support.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * A cash allocation cannot be taken back from under a payment order the bank has not paid yet: the
 * order claims its month's cash (`claimed`, 지방회계법 시행령 제33조제2호), so a reversal is judged
 * on max(paid, claimed), not on paid alone (which would let the bank pay an order from cash no
 * longer allocated). Through the budget and execution handlers and the postings consumer.
 */
await useTestStack();

const GOV = '41000';
const YEAR = 2026;
const c = officials(GOV);
const LINE = 'E.GEN.P01.U01.D001.201-01';
const MONTH = '2026-03';

const applied = (route: (typeof execution)[keyof typeof execution], caller: TestCaller, params: object, body: unknown) =>
  posting(route, caller, { gov: GOV, year: YEAR, ...params }, body);
const reverse = (allocationId: string, reference: string) =>
  callRoute(reverseCashAllocation, {
    params: { gov: GOV, year: YEAR, allocationId },
    body: { reference, reason: '자금배정 회수' },
    caller: c.budgetOfficer,
  });

let orderId = '';

beforeAll(async () => {
  await setUpAccounts(GOV, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(GOV, YEAR, 'original', [
    expenditure({
      account: 'GEN',
      policyCode: 'P01',
      unitCode: 'U01',
      detailCode: 'D001',
      statItem: '201-01',
      sector: '016',
      amount: 1_000_000,
    }),
    reserve(10_000),
    revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 1_010_000 }),
  ]);
  await allot(GOV, YEAR, LINE, 1_000_000);
  await fund(GOV, YEAR, 'GEN', MONTH, 600_000); // reference CASH-GEN-2026-03
  const second = await callRoute(allocateCash, {
    params: { gov: GOV, year: YEAR },
    body: { fund: 'GEN', month: MONTH, amount: 400_000, reference: 'C2' },
    caller: c.budgetOfficer,
  });
  expect(second.status).toBe(201);
  // 지출원인행위 → 지출결의 → 지급명령 of 700,000 in March; the bank has not paid it.
  const commitment = await applied(
    execution.createCommitment,
    c.financeOfficer,
    {},
    {
      lineId: LINE,
      amount: 700_000,
      counterparty: '(주)가나다상사',
      contractRef: 'C-201',
      date: '2026-03-10',
    },
  );
  const resolution = await applied(
    execution.resolvePayment,
    c.financeOfficer,
    { commitmentId: commitment.postingId },
    { amount: 700_000, date: '2026-03-10' },
  );
  orderId = (
    await applied(
      execution.orderPayment,
      c.disbursingOfficer,
      { resolutionId: resolution.postingId },
      { amount: 700_000, date: '2026-03-10' },
    )
  ).postingId;
});

describe('a cash-allocation reversal and the unpaid payment orders of its month', () => {
  it('is refused when what is left allocated would not cover an order the bank has not paid', async () => {
    // allocated 1,000,000; paid 0; claimed 700,000: taking 400,000 back leaves 600,000 < 700,000.
    const refused = await reverse(`C.GEN.${MONTH}.C2`, 'R2');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'reversal-below-paid',
      context: {
        rule: 'allocated − reversal ≥ max(paid, claimed)',
        requested: 400_000,
        available: 300_000,
        numbers: { allocated: 1_000_000, paid: 0, claimed: 700_000 },
      },
    });
  });

  it('takes back what the unpaid orders leave free, and refuses the rest after the bank pays', async () => {
    const extra = await callRoute(allocateCash, {
      params: { gov: GOV, year: YEAR },
      body: { fund: 'GEN', month: MONTH, amount: 300_000, reference: 'C3' },
      caller: c.budgetOfficer,
    });
    expect(extra.status).toBe(201);
    // allocated 1,300,000 − 300,000 = 1,000,000 ≥ claimed 700,000.
    const fits = await reverse(`C.GEN.${MONTH}.C3`, 'R3');
    expect(fits.status, JSON.stringify(fits.body)).toBe(201);
    expect(fits.body).toMatchObject({ amount: -300_000, allocated: 1_000_000 });

    await applied(execution.confirmPayment, c.bank, { orderId }, { date: '2026-03-11', bankReference: 'TX-201' });
    const stillRefused = await reverse(`C.GEN.${MONTH}.C2`, 'R2b');
    expect(stillRefused.body).toMatchObject({
      status: 422,
      code: 'reversal-below-paid',
      context: { available: 300_000, numbers: { allocated: 1_000_000, paid: 700_000, claimed: 700_000 } },
    });
  });
});
