import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { readBalances } from '#shared/stores/execution/ledger-balances.ts';
import { callRoute } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, callers, GOV, readItems, readLine, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

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
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};
let keys = 0;
const post = (route: (typeof routes)[keyof typeof routes], caller: object, params: Record<string, string>, body: unknown) =>
  callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year: YEAR, ...params },
    body,
    headers: { 'Idempotency-Key': `advance-${++keys}` },
  });
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
async function orderOn(commitmentId: string, amount: number, date: string, advance?: 'petty-cash' | 'estimate') {
  const resolution = await applied(
    await post(routes.resolvePayment, callers.financeOfficer, { commitmentId }, { amount, date, ...(advance ? { advance } : {}) }),
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
