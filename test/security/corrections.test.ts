import { describe, expect, it } from 'vitest';
import type { Route } from '#shared/http/route.ts';
import * as routes from '#shared/routes/execution.ts';
import { callers, drainPostings, GOV, queueDepth, readLine, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * Issue #12, break 4: any of four roles could reverse any posting. A revenue officer reversed a
 * payment the bank had confirmed, and the bank then paid the same order again. A correction is made
 * only in a role that may make the original's kind, never of cash the bank moved, and once.
 */
let keys = 0;
const post = (route: Route, caller: TestCaller, params: Record<string, string>, body: unknown) =>
  callRoute(route, { params: { gov: GOV, year: YEAR, ...params }, body, caller, headers: { 'Idempotency-Key': `corr-${++keys}` } });
const correct = (caller: TestCaller, postingId: string) =>
  post(routes.correctPosting, caller, { postingId }, { date: '2026-03-20', reason: 'reversal' });
const cashOut = async () =>
  (await callRoute(routes.getFundStatus, { caller: callers.ministry, params: { gov: GOV, year: YEAR } })).body.funds[0]?.outflow;
const chiefAccountant: TestCaller = { sub: 'ca-yoon', roles: ['chief_accountant'], gov: GOV };

/** commit → resolve → order → pay of `amount`, applied. */
async function paidChain(amount: number) {
  const commit = await post(
    routes.createCommitment,
    callers.financeOfficer,
    {},
    { lineId: 'office', amount, counterparty: '123-45-67890', contractRef: 'C-1', date: '2026-03-02' },
  );
  await drainPostings();
  const resolve = await post(
    routes.resolvePayment,
    callers.financeOfficer,
    { commitmentId: commit.body.postingId },
    { amount, date: '2026-03-03' },
  );
  await drainPostings();
  const order = await post(
    routes.orderPayment,
    callers.disbursingOfficer,
    { resolutionId: resolve.body.postingId },
    { amount, date: '2026-03-04' },
  );
  await drainPostings();
  const pay = await post(
    routes.confirmPayment,
    callers.bank,
    { orderId: order.body.postingId },
    { date: '2026-03-05', bankReference: 'TX-1' },
  );
  expect([commit.status, resolve.status, order.status, pay.status]).toEqual([202, 202, 202, 202]);
  await drainPostings();
  return { commit: commit.body.postingId, resolve: resolve.body.postingId, order: order.body.postingId, pay: pay.body.postingId };
}

describe('corrections', () => {
  it('refuses to reverse a payment the bank confirmed, so the order cannot be paid twice and cash out stays', async () => {
    await seedLine({ lineId: 'office', allotted: 10_000_000 });
    await seedCash('2026-03', 5_000_000);
    const chain = await paidChain(1_230_000);
    expect(await cashOut()).toBe('1230000');

    const byRevenueOfficer = await correct(callers.revenueOfficer, chain.pay);
    expect(byRevenueOfficer.status).toBe(422);
    expect(byRevenueOfficer.body).toMatchObject({
      code: 'bank-confirmed',
      context: { rule: 'bank-confirmed', originalPostingId: chain.pay, originalKind: 'pay', instead: expect.stringContaining('반납') },
    });
    // nobody may: not the finance officer, nor the bank, nor by reversing the order or the commitment it paid
    expect((await correct(callers.financeOfficer, chain.pay)).body.code).toBe('bank-confirmed');
    expect((await correct(callers.disbursingOfficer, chain.order)).body).toMatchObject({
      code: 'bank-confirmed',
      context: { paid: 1_230_000 },
    });
    expect((await correct(callers.financeOfficer, chain.commit)).body).toMatchObject({
      code: 'bank-confirmed',
      context: { paid: 1_230_000 },
    });
    expect((await correct(callers.bank, chain.pay)).status).toBe(403);
    expect((await correct(chiefAccountant, chain.pay)).body.code).toBe('role-not-permitted');
    expect(await queueDepth()).toBe(0);

    const again = await post(routes.confirmPayment, callers.bank, { orderId: chain.order }, { date: '2026-03-06', bankReference: 'TX-2' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('order-already-paid');
    await drainPostings();
    expect(await cashOut()).toBe('1230000');
    expect(await readLine('office')).toMatchObject({ ordered: 1_230_000, paid: 1_230_000 });
  });

  it('lets only the roles that make the kind correct it, once', async () => {
    const commit = await post(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      { lineId: 'office', amount: 400_000, counterparty: '123-45-67890', contractRef: 'C-2', date: '2026-03-10' },
    );
    await drainPostings();
    const before = await readLine('office');

    const byRevenueOfficer = await correct(callers.revenueOfficer, commit.body.postingId);
    expect(byRevenueOfficer.status).toBe(403);
    expect(byRevenueOfficer.body).toMatchObject({
      code: 'correction-role-not-permitted',
      context: { originalKind: 'commit', role: 'revenue_officer', permitted: ['finance_officer', 'sub_finance_officer'] },
    });
    expect((await correct(callers.disbursingOfficer, commit.body.postingId)).body.code).toBe('correction-role-not-permitted');
    expect(await queueDepth()).toBe(0);

    // an official holding two roles (징수관 and 재무관 may be held together) corrects in the one that makes commitments
    const both: TestCaller = { sub: 'fo-han', roles: ['revenue_officer', 'finance_officer'], gov: GOV };
    const accepted = await correct(both, commit.body.postingId);
    expect(accepted.status).toBe(202);
    await drainPostings();
    const status = await callRoute(routes.getPosting, {
      caller: callers.financeOfficer,
      params: { gov: GOV, postingId: accepted.body.postingId },
    });
    expect(status.body).toMatchObject({ status: 'applied', reverses: commit.body.postingId });
    expect((await readLine('office')).committed).toBe(before.committed - 400_000);

    const twice = await correct(callers.financeOfficer, commit.body.postingId);
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('already-corrected');
  });
});
