import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as estimates from '#shared/routes/estimate.ts';
import * as routes from '#shared/routes/execution.ts';
import * as pettyCashRoutes from '#shared/routes/petty-cash.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import {
  appliedPosting,
  callers,
  drainPostings,
  GOV,
  readItems,
  readLine,
  seedCash,
  seedLine,
  YEAR,
  postingSession,
} from '#test/integration/execution/support.ts';

/**
 * 일상경비등 and 개산급 through the posting pipeline and the HTTP API (issue #16): the advance is a
 * 지출결의 booked to 선급금 (1108, 회계기준규칙 제13조제3항), ordered by the 지출원 and paid by the
 * bank like any payment; its 정산 at the 증빙 date moves the proven cost out of 선급금, and the rest
 * comes back by 반납 to the same line (지방회계법 제27조제2항). Figures by hand (line `office`, 201-01):
 *   일상경비 advance 3,000,000 (05-02): Dr 1108 / Cr 2101, paid Dr 2101 / Cr 1101
 *   정산 2,800,000 (증빙 05-20): Dr 5202 / Cr 1108; 반납 200,000 (05-29): Dr 1101 / Cr 1108
 *   개산급 1,000,000 (05-06) settled at its actual 1,000,000 (05-27), the 200,000 more paid directly
 *   1108: Dr 4,000,000 Cr 4,000,000 (nothing left); 5202 Dr 2,800,000 + 1,000,000 + 200,000 = 4,000,000
 *   line paid 3,000,000 − 200,000 + 1,000,000 + 200,000 = 4,000,000; cash out 4,200,000 − in 200,000
 */
const { on, restore, post } = postingSession('advance');
const applied = appliedPosting;
const entry = (debit: string, credit: string, amount: number) => [
  { account: debit, debit: amount, credit: 0 },
  { account: credit, debit: 0, credit: amount },
];
const yearBalance = async (account: string) => {
  const rows = (await readBalances(GOV, YEAR, 'MONTH#')).filter((b) => b.account === account);
  return { debit: rows.reduce((t, b) => t + b.debit, 0n), credit: rows.reduce((t, b) => t + b.credit, 0n) };
};
const order = async (orderId: string) => (await readItems(`DOC#${GOV}#${orderId}`))[0];

/** 지출원인행위 → 지출결의 (an advance or not) → 지급명령: answers the order's id and the resolution's journal. */
/** The terms each advance's 지출결의 carries (회계령 §38① 2호 일반운영비 for May: §39①; 개산급 §45 2호 소송비용). */
const terms = {
  'petty-cash': { advance: 'petty-cash', pettyCash: { item: 2, period: { from: '2026-05-02', to: '2026-05-31' } } },
  estimate: { advance: 'estimate', estimateCase: 2 },
} as const;
async function orderOn(commitmentId: string, amount: number, date: string, advance?: 'petty-cash' | 'estimate') {
  const resolution = await applied(
    await post(routes.resolvePayment, callers.financeOfficer, { commitmentId }, { amount, date, ...(advance ? terms[advance] : {}) }),
  );
  const ordered = await applied(
    await post(routes.orderPayment, callers.disbursingOfficer, { resolutionId: resolution.postingId }, { amount, date }),
  );
  return { orderId: ordered.postingId as string, resolution };
}
const commit = async (amount: number, date: string, contractRef: string) =>
  (
    await applied(
      await post(
        routes.createCommitment,
        callers.financeOfficer,
        {},
        { lineId: 'office', amount, counterparty: '기획예산과 출납원', contractRef, date },
      ),
    )
  ).postingId as string;
const pay = async (orderId: string, date: string) => applied(await post(routes.confirmPayment, callers.bank, { orderId }, { date }));
const settle = (orderId: string, amount: number, date: string) =>
  post(routes.settleAdvance, callers.disbursingOfficer, { orderId }, { amount, date, evidence: '출납계산서 5월분' });

let pettyCash = '';
let estimateOrder = '';

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'office', allotted: 10_000_000, itemCode: '201-01' });
  await seedCash('2026-05', 6_000_000);
});
afterAll(() => restore());

describe('일상경비등 and 개산급 through the postings', () => {
  it('pays an 일상경비등 advance to the 출납원 as 선급금, never settled before the bank paid it', async () => {
    on('2026-05-02T10:00:00+09:00');
    const commitmentId = await commit(3_000_000, '2026-05-02', 'PC-2026-05');
    const { orderId, resolution } = await orderOn(commitmentId, 3_000_000, '2026-05-02', 'petty-cash');
    pettyCash = orderId;
    expect(resolution.journal.lines).toEqual(entry('1108', '2101', 3_000_000));
    const early = await settle(orderId, 1, '2026-05-02');
    expect(early.body).toMatchObject({ status: 422, code: 'settlement-within-advance', context: { cleared: 0, paid: 0 } });
    const paid = await pay(orderId, '2026-05-02');
    expect(paid.journal.lines).toEqual(entry('2101', '1101', 3_000_000));
    expect(await readLine('office')).toMatchObject({ committed: 3_000_000, paid: 3_000_000 });
  });

  it('settles the cost at the 증빙 date and takes the unspent rest back by 반납 onto the line', async () => {
    on('2026-05-20T10:00:00+09:00');
    const byBank = await settle(pettyCash, 2_800_000, '2026-05-20');
    expect(byBank.status).toBe(202);
    const settled = await applied(byBank);
    expect(settled.journal).toMatchObject({ date: '2026-05-20', lines: entry('5202', '1108', 2_800_000) });
    const tooMuch = await settle(pettyCash, 200_001, '2026-05-20');
    expect(tooMuch.body).toMatchObject({
      status: 422,
      code: 'settlement-within-advance',
      context: { cleared: 2_800_000, paid: 3_000_000 },
    });
    on('2026-05-29T10:00:00+09:00');
    const overReturn = await post(
      routes.returnPayment,
      callers.bank,
      { orderId: pettyCash },
      { amount: 200_001, date: '2026-05-29', reason: '미사용 잔액' },
    );
    expect(overReturn.body).toMatchObject({ status: 422, code: 'settlement-within-advance' });
    const returned = await applied(
      await post(
        routes.returnPayment,
        callers.bank,
        { orderId: pettyCash },
        { amount: 200_000, date: '2026-05-29', reason: '미사용 잔액' },
      ),
    );
    expect(returned.journal.lines).toEqual(entry('1101', '1108', 200_000));
    expect(await order(pettyCash)).toMatchObject({ paid: 3_000_000, settled: 2_800_000, returned: 200_000, cleared: 3_000_000 });
    expect(await readLine('office')).toMatchObject({ committed: 2_800_000, paid: 2_800_000 });
  });

  it('settles a 개산급 at its actual cost and pays the difference as an ordinary payment', async () => {
    on('2026-05-06T10:00:00+09:00');
    const commitmentId = await commit(1_200_000, '2026-05-06', 'EST-2026-07');
    const estimate = await orderOn(commitmentId, 1_000_000, '2026-05-06', 'estimate');
    estimateOrder = estimate.orderId;
    await pay(estimate.orderId, '2026-05-06');
    on('2026-05-27T10:00:00+09:00');
    const settled = await applied(await settle(estimate.orderId, 1_000_000, '2026-05-27'));
    expect(settled.journal.lines).toEqual(entry('5202', '1108', 1_000_000));
    const rest = await orderOn(commitmentId, 200_000, '2026-05-27');
    expect(rest.resolution.journal.lines).toEqual(entry('5202', '2101', 200_000));
    await pay(rest.orderId, '2026-05-27');
    const notAdvance = await settle(rest.orderId, 1, '2026-05-27');
    expect(notAdvance.body).toMatchObject({ status: 422, code: 'settlement-not-an-advance' });

    expect(await yearBalance('1108')).toEqual({ debit: 4_000_000n, credit: 4_000_000n });
    expect(await yearBalance('5202')).toEqual({ debit: 4_000_000n, credit: 0n });
    expect(await yearBalance('1101')).toEqual({ debit: 200_000n, credit: 4_200_000n });
    expect(await readLine('office')).toMatchObject({ committed: 4_000_000, paid: 4_000_000 });
  });
});

/** The 출납원's record and the 개산급 record name the advance's payment order: one advance, read with its posting status. */
describe('the petty-cash and 개산급 records of the advances', () => {
  const record = {
    advanceId: 'PC-2026-05',
    item: 2,
    cashier: '기획예산과 출납원',
    advancedOn: '2026-05-02',
    period: { from: '2026-05-02', to: '2026-05-31' },
    allocations: { '201-01': 3_000_000 },
  };
  const params = { gov: GOV, year: YEAR };

  it('checks 회계령 §38–§39 on the 지출결의 itself: over the 교부한도, outside the list, too long, or without terms', async () => {
    on('2026-05-29T10:00:00+09:00');
    const commitmentId = await commit(6_000_000, '2026-05-29', 'PC-2026-05-B');
    const before = await readLine('office');
    const resolve = (body: object) => post(routes.resolvePayment, callers.financeOfficer, { commitmentId }, body);
    const may = { from: '2026-05-29', to: '2026-06-28' };
    const cases = [
      [
        { amount: 10_000_001, pettyCash: { item: 1, period: may } },
        'petty-cash-over-limit',
        { item: 1, limit: 10_000_000, amount: 10_000_001 },
      ],
      [{ amount: 100, pettyCash: { item: 16, period: may } }, 'petty-cash-item-not-listed', { item: 16 }],
      [
        { amount: 100, pettyCash: { item: 2, period: { from: '2026-05-29', to: '2026-06-29' } } },
        'petty-cash-period-too-long',
        { lastDay: '2026-06-28' },
      ],
      [{ amount: 100 }, 'advance-terms-mismatch', { advance: 'petty-cash', pettyCash: false }],
    ] as const;
    for (const [body, code, context] of cases) {
      const refused = await resolve({ ...body, date: '2026-05-29', advance: 'petty-cash' });
      expect(refused.body, code).toMatchObject({ status: 422, code, context });
    }
    expect((await readLine('office')).resolved).toBe(before.resolved);
  });

  it('links the 출납원 record to its payment order: refused for another advance, read with paid, settled, returned, unsettled', async () => {
    const create = (body: object) =>
      callRoute(pettyCashRoutes.advancePettyCash, { caller: callers.disbursingOfficer as never, params, body });
    const wrongItem = await create({ ...record, item: 1, orderRef: pettyCash });
    expect(wrongItem.body).toMatchObject({
      status: 422,
      code: 'advance-order-mismatch',
      context: { orderForm: 'petty-cash', orderItem: 2 },
    });
    const notAdvance = await create({ ...record, orderRef: estimateOrder });
    expect(notAdvance.body).toMatchObject({ status: 422, code: 'advance-order-mismatch', context: { orderForm: 'estimate' } });
    const unknown = await create({ ...record, orderRef: 'no-such-order' });
    expect(unknown.body).toMatchObject({ status: 422, code: 'advance-order-mismatch', context: { orderId: 'no-such-order' } });
    const made = await create({ ...record, orderRef: pettyCash });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const read = await callRoute(pettyCashRoutes.getPettyCashAdvance, {
      caller: callers.disbursingOfficer as never,
      params: { ...params, advanceId: record.advanceId },
    });
    expect(read.body.posting).toEqual({
      orderId: pettyCash,
      form: 'petty-cash',
      item: 2,
      lineId: 'office',
      amount: 3_000_000,
      paid: 3_000_000,
      settled: 2_800_000,
      returned: 200_000,
      cleared: 3_000_000,
      unsettled: 0,
      status: 'cleared',
    });
  });

  it('links the 개산급 record to its order and shows it settled in the books', async () => {
    const body = { estimateId: 'EST-2026-07', case: 2, payee: '법무법인', purpose: '소송비용', amount: 1_000_000, paidOn: '2026-05-06' };
    const wrongCase = await callRoute(estimates.recordEstimatedPayment, {
      caller: callers.financeOfficer as never,
      params,
      body: { ...body, case: 3, orderRef: estimateOrder },
    });
    expect(wrongCase.body).toMatchObject({ status: 422, code: 'advance-order-mismatch', context: { orderItem: 2, item: 3 } });
    const made = await callRoute(estimates.recordEstimatedPayment, {
      caller: callers.financeOfficer as never,
      params,
      body: { ...body, orderRef: estimateOrder },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const read = await callRoute(estimates.getEstimatedPayment, {
      caller: callers.disbursingOfficer as never,
      params: { ...params, estimateId: body.estimateId },
    });
    expect(read.body.posting).toMatchObject({
      form: 'estimate',
      item: 2,
      paid: 1_000_000,
      settled: 1_000_000,
      unsettled: 0,
      status: 'cleared',
    });
  });
});

/**
 * The 출납원's record is the source of what the 지출원 settles (issue #16): once a record names the order, a 정산
 * never passes what its spendings show. By hand: advance 1,000,000 (06-01); the record shows 600,000 spent (06-10):
 * 정산 600,001 is refused, 400,000 passes, then 200,001 more is refused (400,000 + 200,001 > 600,000), 200,000 passes.
 */
describe('the 출납원 record is the source of the settlements', () => {
  it('settles an order only within what the record naming it shows spent; one record per order', async () => {
    await seedLine({ lineId: 'office-june', allotted: 1_000_000, itemCode: '201-01' });
    await seedCash('2026-06', 1_000_000);
    on('2026-06-01T10:00:00+09:00');
    const commitment = {
      lineId: 'office-june',
      amount: 1_000_000,
      counterparty: '기획예산과 출납원',
      contractRef: 'PC-2026-06',
      date: '2026-06-01',
    };
    const commitmentId = (await applied(await post(routes.createCommitment, callers.financeOfficer, {}, commitment))).postingId as string;
    const june = { advance: 'petty-cash', pettyCash: { item: 2, period: { from: '2026-06-01', to: '2026-06-30' } } };
    const resolution = await applied(
      await post(routes.resolvePayment, callers.financeOfficer, { commitmentId }, { amount: 1_000_000, date: '2026-06-01', ...june }),
    );
    const ordered = await applied(
      await post(
        routes.orderPayment,
        callers.disbursingOfficer,
        { resolutionId: resolution.postingId },
        { amount: 1_000_000, date: '2026-06-01' },
      ),
    );
    const orderId = ordered.postingId as string;
    await pay(orderId, '2026-06-01');
    const params = { gov: GOV, year: YEAR };
    const record = {
      advanceId: 'PC-2026-06',
      item: 2,
      cashier: '기획예산과 출납원',
      advancedOn: '2026-06-01',
      period: { from: '2026-06-01', to: '2026-06-30' },
      allocations: { '201-01': 1_000_000 },
      orderRef: orderId,
    };
    const create = (body: object) =>
      callRoute(pettyCashRoutes.advancePettyCash, { caller: callers.disbursingOfficer as never, params, body });
    expect((await create(record)).status).toBe(201);
    const again = await create({ ...record, advanceId: 'PC-2026-06-B' });
    expect(again.body).toMatchObject({ status: 409, code: 'advance-order-recorded' });
    const cashier = { sub: 'cashier-yoon', roles: ['department_official'], gov: GOV, dept: 'D100' };
    const spent = await callRoute(pettyCashRoutes.recordPettyCashSpending, {
      caller: cashier as never,
      params: { ...params, advanceId: record.advanceId },
      body: { spendingId: 'S-1', statItem: '201-01', date: '2026-06-10', amount: 600_000, payee: '(주)문구', description: '사무용품' },
    });
    expect(spent.status, JSON.stringify(spent.body)).toBe(201);

    on('2026-06-10T10:00:00+09:00');
    const over = await settle(orderId, 600_001, '2026-06-10');
    expect(over.body).toMatchObject({
      status: 422,
      code: 'settlement-exceeds-record',
      context: { orderId, advanceId: 'PC-2026-06', spent: 600_000, settled: 0, requested: 600_001 },
    });
    await applied(await settle(orderId, 400_000, '2026-06-10'));
    const more = await settle(orderId, 200_001, '2026-06-10');
    expect(more.body).toMatchObject({ status: 422, code: 'settlement-exceeds-record', context: { settled: 400_000, spent: 600_000 } });
    await applied(await settle(orderId, 200_000, '2026-06-10'));
    const read = await callRoute(pettyCashRoutes.getPettyCashAdvance, {
      caller: callers.disbursingOfficer as never,
      params: { ...params, advanceId: record.advanceId },
    });
    // side by side and equal: the 출납계산서's spent and the books' settled
    expect(read.body.statement).toMatchObject({ spent: 600_000 });
    expect(read.body.posting).toMatchObject({ orderId, paid: 1_000_000, settled: 600_000, unsettled: 400_000 });
  });
});

/**
 * The 개산급 record is the source of its order's 정산 as the 출납원's record is (issue #16), and a settlement still
 * queued is counted (rules/settle.ts checks the record's figure when it applies). By hand: a 개산급 of 800,000
 * (07-01, 회계령 §45 2호 소송비용) paid; its record names the order:
 *   정산 1 before the record's own 정산: refused (the record lets 0 be settled yet);
 *   the record's 정산 at the actual 500,000 (07-20): 300,000 to be returned;
 *   정산 500,001 refused; two 정산 of 300,000 accepted together (each within 500,000 on the books as they stand):
 *   the one applied first settles 300,000, the other is rejected when it applies (300,000 + 300,000 > 500,000);
 *   then 200,000 settles the rest: settled 500,000 = the record's actual cost, 300,000 unsettled for the 반납.
 *   A second record naming the same order: 409 advance-order-recorded.
 */
describe('the 개산급 record is the source of the settlements, queued ones counted', () => {
  it('settles an order only within the record’s actual cost, counts settlements queued together, one record per order', async () => {
    await seedLine({ lineId: 'office-july', allotted: 800_000, itemCode: '201-01' });
    await seedCash('2026-07', 800_000);
    on('2026-07-01T10:00:00+09:00');
    const commitment = { lineId: 'office-july', amount: 800_000, counterparty: '법무법인', contractRef: 'EST-2026-08', date: '2026-07-01' };
    const commitmentId = (await applied(await post(routes.createCommitment, callers.financeOfficer, {}, commitment))).postingId as string;
    const { orderId } = await orderOn(commitmentId, 800_000, '2026-07-01', 'estimate');
    await pay(orderId, '2026-07-01');
    const params = { gov: GOV, year: YEAR };
    const body = {
      estimateId: 'EST-2026-08',
      case: 2,
      payee: '법무법인',
      purpose: '소송비용',
      amount: 800_000,
      paidOn: '2026-07-01',
      orderRef: orderId,
    };
    const record = (estimate: object) =>
      callRoute(estimates.recordEstimatedPayment, { caller: callers.financeOfficer as never, params, body: estimate });
    expect((await record(body)).status).toBe(201);
    const again = await record({ ...body, estimateId: 'EST-2026-08-B' });
    expect(again.body).toMatchObject({ status: 409, code: 'advance-order-recorded' });

    on('2026-07-20T10:00:00+09:00');
    const early = await settle(orderId, 1, '2026-07-20');
    expect(early.body).toMatchObject({
      status: 422,
      code: 'settlement-exceeds-record',
      context: { orderId, advanceId: 'EST-2026-08', spent: 0, settled: 0, requested: 1 },
    });
    const settled = await callRoute(estimates.settleEstimatedPayment, {
      caller: callers.financeOfficer as never,
      params: { ...params, estimateId: body.estimateId },
      body: { settledOn: '2026-07-20', actual: 500_000 },
    });
    expect(settled.status, JSON.stringify(settled.body)).toBe(201);
    const over = await settle(orderId, 500_001, '2026-07-20');
    expect(over.body).toMatchObject({ status: 422, code: 'settlement-exceeds-record', context: { spent: 500_000, settled: 0 } });

    const queued = [await settle(orderId, 300_000, '2026-07-20'), await settle(orderId, 300_000, '2026-07-20')];
    expect(queued.map((answer) => answer.status)).toEqual([202, 202]);
    await drainPostings();
    const outcomes = await Promise.all(
      queued.map(
        async (answer) =>
          (await callRoute(routes.getPosting, { caller: callers.financeOfficer, params: { gov: GOV, postingId: answer.body.postingId } }))
            .body,
      ),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')?.reason).toMatchObject({
      rule: 'settlement-exceeds-record',
      context: { spent: 500_000, settled: 300_000, requested: 300_000 },
    });
    await applied(await settle(orderId, 200_000, '2026-07-20'));
    expect(await order(orderId)).toMatchObject({ paid: 800_000, settled: 500_000 });
    const read = await callRoute(estimates.getEstimatedPayment, {
      caller: callers.disbursingOfficer as never,
      params: { ...params, estimateId: body.estimateId },
    });
    expect(read.body.posting).toMatchObject({ orderId, paid: 800_000, settled: 500_000, unsettled: 300_000, status: 'outstanding' });
  });
});
