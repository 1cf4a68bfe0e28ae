import { auditTrailOf } from '#test/support/audit-trail.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import * as routes from '#shared/routes/execution.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import {
  callers,
  drainPostings,
  FUND,
  GOV,
  queueDepth,
  readItems,
  readLine,
  seedCash,
  seedLine,
  YEAR,
} from '#test/integration/execution/support.ts';

await useTestStack();

let keyCounter = 0;
const key = () => `key-${++keyCounter}`;
const post = (
  route: (typeof routes)[keyof typeof routes],
  caller: object,
  params: Record<string, string | number>,
  body: unknown,
  idempotencyKey = key(),
) =>
  callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year: YEAR, ...params },
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
const status = async (postingId: string) =>
  (await callRoute(routes.getPosting, { caller: callers.financeOfficer, params: { gov: GOV, postingId } })).body;

beforeAll(async () => {
  await seedLine({ lineId: 'road-repair', allotted: 10_000_000, itemCode: '201-01' });
  await seedLine({ lineId: 'parking-fees', kind: 'revenue', allotted: 0, itemCode: '2' });
  await seedCash('2026-03', 5_000_000);
});

describe('expenditure chain: commit → resolve → order → pay', () => {
  it('moves the line counters, writes balanced journals and the fund status', async () => {
    const commit = await post(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      {
        lineId: 'road-repair',
        amount: 3_000_000,
        counterparty: '123-45-67890',
        contractRef: 'C-2026-001',
        date: '2026-03-02',
      },
    );
    expect(commit.status).toBe(202);
    expect(commit.body).toMatchObject({ status: 'queued', statusUrl: `/governments/${GOV}/postings/${commit.body.postingId}` });
    expect((await status(commit.body.postingId)).status).toBe('queued');
    await drainPostings();
    expect(await status(commit.body.postingId)).toMatchObject({ status: 'applied', kind: 'commit', amount: 3_000_000 });

    const resolve = await post(
      routes.resolvePayment,
      callers.financeOfficer,
      { commitmentId: commit.body.postingId },
      { amount: 1_200_000, date: '2026-03-05' },
    );
    expect(resolve.status).toBe(202);
    const order = await post(
      routes.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolve.body.postingId },
      { amount: 1_200_000, date: '2026-03-06' },
    );
    expect(order.status).toBe(202);
    const pay = await post(
      routes.confirmPayment,
      callers.bank,
      { orderId: order.body.postingId },
      { date: '2026-03-07', bankReference: 'TX-1' },
    );
    expect(pay.status).toBe(202);
    await drainPostings();

    const resolved = await status(resolve.body.postingId);
    expect(resolved.status).toBe('applied');
    expect(resolved.journal.lines).toEqual([
      { account: '5202', debit: 1_200_000, credit: 0 },
      { account: '2101', debit: 0, credit: 1_200_000 },
    ]);
    const paid = await status(pay.body.postingId);
    expect(paid).toMatchObject({ status: 'applied', amount: 1_200_000 });
    expect(paid.journal.lines).toEqual([
      { account: '2101', debit: 1_200_000, credit: 0 },
      { account: '1101', debit: 0, credit: 1_200_000 },
    ]);
    expect(await readLine('road-repair')).toMatchObject({ committed: 3_000_000, resolved: 1_200_000, ordered: 1_200_000, paid: 1_200_000 });
    const [cash] = await readItems(`BUDGET#${GOV}#${YEAR}`, `CASH#${FUND}#2026-03`);
    expect(cash).toMatchObject({ allocated: 5_000_000, paid: 1_200_000 });

    const fundStatus = await callRoute(routes.getFundStatus, { caller: callers.ministry, params: { gov: GOV, year: YEAR } });
    expect(fundStatus.status).toBe(200);
    expect(fundStatus.body.funds).toEqual([
      { fund: FUND, inflow: '0', outflow: '1200000', cash: '-1200000', budgetCash: '-1200000', custodyCash: '0' },
    ]);

    const day = await readBalances(GOV, YEAR, 'DAY#2026-03-07#');
    expect(day.map((b) => [b.account, b.debit, b.credit])).toEqual(
      expect.arrayContaining([
        ['1101', 0n, 1_200_000n],
        ['2101', 1_200_000n, 0n],
      ]),
    );
  });

  it('cancels the unresolved rest of a commitment, and a correction reverses a resolution', async () => {
    const commit = await post(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      {
        lineId: 'road-repair',
        amount: 2_000_000,
        counterparty: '홍길동',
        contractRef: 'C-2026-002',
        date: '2026-03-10',
      },
    );
    const resolve = await post(
      routes.resolvePayment,
      callers.financeOfficer,
      { commitmentId: commit.body.postingId },
      { amount: 500_000, date: '2026-03-11' },
    );
    await drainPostings();
    const before = await readLine('road-repair');
    const correction = await post(
      routes.correctPosting,
      callers.financeOfficer,
      { postingId: resolve.body.postingId },
      { date: '2026-03-12', reason: 'wrong amount' },
    );
    const cancel = await post(
      routes.cancelCommitment,
      callers.financeOfficer,
      { commitmentId: commit.body.postingId },
      { date: '2026-03-12', reason: 'contract withdrawn' },
    );
    await drainPostings();

    expect(await status(correction.body.postingId)).toMatchObject({ status: 'applied', reverses: resolve.body.postingId });
    expect((await status(correction.body.postingId)).journal.lines).toEqual([
      { account: '5202', debit: 0, credit: 500_000 },
      { account: '2101', debit: 500_000, credit: 0 },
    ]);
    expect(await status(resolve.body.postingId)).toMatchObject({ status: 'applied', reversedBy: correction.body.postingId });
    expect(await status(cancel.body.postingId)).toMatchObject({ status: 'applied', amount: 2_000_000 });
    const after = await readLine('road-repair');
    expect(after.committed).toBe(before.committed - 2_000_000);
    expect(after.resolved).toBe(before.resolved - 500_000);

    const again = await post(
      routes.correctPosting,
      callers.financeOfficer,
      { postingId: resolve.body.postingId },
      { date: '2026-03-13', reason: 'twice' },
    );
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('already-corrected');
  });
});

describe('revenue chain: assess → notice → receive → refund', () => {
  it('books receivables, cash and the refund of an over-payment, never more than received', async () => {
    const assess = await post(
      routes.assessRevenue,
      callers.revenueOfficer,
      {},
      {
        lineId: 'parking-fees',
        amount: 100_000,
        payer: '김철수',
        dueDate: '2026-04-30',
        date: '2026-04-01',
      },
    );
    expect(assess.status).toBe(202);
    const notice = await post(
      routes.noticeRevenue,
      callers.revenueOfficer,
      { assessmentId: assess.body.postingId },
      { dueDate: '2026-04-30', date: '2026-04-02' },
    );
    const receive = await post(
      routes.receiveRevenue,
      callers.bank,
      { assessmentId: assess.body.postingId },
      { amount: 130_000, date: '2026-04-20' },
    );
    await drainPostings();
    expect(await status(notice.body.postingId)).toMatchObject({ status: 'applied' });
    expect((await status(receive.body.postingId)).journal.lines).toEqual([
      { account: '1101', debit: 130_000, credit: 0 },
      { account: '1105', debit: 0, credit: 100_000 },
      { account: '2107', debit: 0, credit: 30_000 },
    ]);

    const tooMuch = await post(
      routes.refundRevenue,
      callers.revenueOfficer,
      { receiptId: receive.body.postingId },
      { amount: 130_001, date: '2026-04-25', reason: 'over-payment' },
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'refund-within-receipt', context: { amount: 130_000, refunded: 0 } });

    const refund = await post(
      routes.refundRevenue,
      callers.revenueOfficer,
      { receiptId: receive.body.postingId },
      { amount: 30_000, date: '2026-04-25', reason: 'over-payment' },
    );
    await drainPostings();
    expect((await status(refund.body.postingId)).journal.lines).toEqual([
      { account: '2107', debit: 30_000, credit: 0 },
      { account: '1101', debit: 0, credit: 30_000 },
    ]);
    expect(await readLine('parking-fees')).toMatchObject({ assessed: 100_000, received: 130_000, refunded: 30_000 });

    const national = await callRoute(routes.getNationalFundStatus, { caller: callers.ministry, params: { year: YEAR } });
    expect(national.status).toBe(200);
    expect(national.body).toMatchObject({ year: YEAR, governments: 1, total: { inflow: '130000' } });
  });
});

describe('segregation of duties and idempotency', () => {
  it('refuses a payment order by the official who committed (403), in the API and in the consumer', async () => {
    const commit = await post(
      routes.createCommitment,
      callers.otherFinanceOfficer,
      {},
      {
        lineId: 'road-repair',
        amount: 100_000,
        counterparty: 'x',
        contractRef: 'C-3',
        date: '2026-03-15',
      },
    );
    const resolve = await post(
      routes.resolvePayment,
      callers.otherFinanceOfficer,
      { commitmentId: commit.body.postingId },
      { amount: 100_000, date: '2026-03-15' },
    );
    await drainPostings();
    // The same official, now with a 지출원's token (holding both roles at once is refused: 겸직).
    const order = await post(
      routes.orderPayment,
      { ...callers.otherFinanceOfficer, roles: ['disbursing_officer'] },
      { resolutionId: resolve.body.postingId },
      { amount: 100_000, date: '2026-03-16' },
    );
    expect(order.status).toBe(403);
    expect(order.body).toMatchObject({ code: 'segregation-of-duties', context: { commitmentId: commit.body.postingId } });
    expect(await queueDepth()).toBe(0);
  });

  it('answers a retry with the same posting id and refuses the key for another body (422)', async () => {
    const body = { lineId: 'road-repair', amount: 1_000, counterparty: 'y', contractRef: 'C-4', date: '2026-03-20' };
    const first = await post(routes.createCommitment, callers.financeOfficer, {}, body, 'same-key');
    const retry = await post(routes.createCommitment, callers.financeOfficer, {}, body, 'same-key');
    expect(retry.status).toBe(202);
    expect(retry.body.postingId).toBe(first.body.postingId);
    const other = await post(routes.createCommitment, callers.financeOfficer, {}, { ...body, amount: 2_000 }, 'same-key');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    await drainPostings();
    const month = (await status(first.body.postingId)).acceptedAt.slice(0, 7);
    const records = (await auditTrailOf(GOV, [month])).filter((a) => a.target === `posting ${first.body.postingId}`);
    // one record of the acceptance (the retry added none) and one of the application
    expect(records.map((a) => String(a.operation).endsWith('.accepted')).sort()).toEqual([false, true]);
  });

  it('answers a retry of an applied posting that the books would now refuse with its posting id, and nothing more', async () => {
    await seedLine({ lineId: 'small-grant', allotted: 5_000, itemCode: '201-01' });
    const body = { lineId: 'small-grant', amount: 5_000, counterparty: 'z', contractRef: 'C-5', date: '2026-03-21' };
    const first = await post(routes.createCommitment, callers.financeOfficer, {}, body, 'full-line-key');
    await drainPostings();
    expect((await readLine('small-grant')).committed).toBe(5_000);

    const retry = await post(routes.createCommitment, callers.financeOfficer, {}, body, 'full-line-key');
    expect(retry.status).toBe(202);
    expect(retry.body.postingId).toBe(first.body.postingId);
    const fresh = await post(routes.createCommitment, callers.financeOfficer, {}, body, 'full-line-new-key');
    expect(fresh.status).toBe(422);
    expect(fresh.body.code).toBe('committed-within-allotment');
    const reused = await post(routes.createCommitment, callers.financeOfficer, {}, { ...body, amount: 6_000 }, 'full-line-key');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency-key-reused');
    await drainPostings();
    expect((await readLine('small-grant')).committed).toBe(5_000);
  });
});
