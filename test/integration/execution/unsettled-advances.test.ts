import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { requestClosing } from '#shared/routes/settlement.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, callers, GOV, seedCash, seedLine, YEAR, postingSession } from '#test/integration/execution/support.ts';
import { drainSettlementQueue } from '#test/integration/settlement/fixture.ts';

/**
 * An 일상경비등 advance unsettled past 20 January (지방회계법 제7조제2항: 일상경비등 are returned by
 * 20 January of the next year) is flagged by the read of unsettled advances, at the date edge in
 * Korean time, and the year-end closing request answers it as a warning. Figures by hand: advance
 * 1,000,000 paid 12-01, 정산 600,000 on 12-20 → unsettled 400,000; a 개산급 of 300,000 paid and
 * never settled is overdue from 1 January (출납 폐쇄, 제7조제1항). A 반납 of 100,000 on 20 January (the
 * 일상경비등 exception of 제7조제2항) leaves 300,000 of it, overdue from the 21st.
 */
const { on, restore, post } = postingSession('unsettled');
const list = async () =>
  (await callRoute(routes.listUnsettledAdvances, { caller: callers.disbursingOfficer as never, params: { gov: GOV, year: YEAR } })).body;

async function paidAdvance(amount: number, terms: object): Promise<string> {
  const commitment = await appliedPosting(
    await post(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      { lineId: 'office', amount, counterparty: '총무과 출납원', contractRef: `ADV-${amount}`, date: '2026-12-01' },
    ),
  );
  const resolution = await appliedPosting(
    await post(
      routes.resolvePayment,
      callers.financeOfficer,
      { commitmentId: commitment.postingId },
      { amount, date: '2026-12-01', ...terms },
    ),
  );
  const order = await appliedPosting(
    await post(routes.orderPayment, callers.disbursingOfficer, { resolutionId: resolution.postingId }, { amount, date: '2026-12-01' }),
  );
  await appliedPosting(await post(routes.confirmPayment, callers.bank, { orderId: order.postingId }, { date: '2026-12-01' }));
  return order.postingId as string;
}

let pettyCash = '';
let estimate = '';

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'office', allotted: 5_000_000, itemCode: '201-01' });
  await seedCash('2026-12', 5_000_000);
  on('2026-12-01T10:00:00+09:00');
  pettyCash = await paidAdvance(1_000_000, {
    advance: 'petty-cash',
    pettyCash: { item: 2, period: { from: '2026-12-01', to: '2026-12-31' } },
  });
  estimate = await paidAdvance(300_000, { advance: 'estimate', estimateCase: 5 });
  on('2026-12-20T10:00:00+09:00');
  await appliedPosting(
    await post(
      routes.settleAdvance,
      callers.disbursingOfficer,
      { orderId: pettyCash },
      { amount: 600_000, date: '2026-12-20', evidence: '출납계산서 12월분' },
    ),
  );
});
afterAll(() => restore());

/** EMF metric lines the closing prints (aws-embedded-metrics local sink). */
const metricLines: Record<string, unknown>[] = [];
const emf = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
  if (typeof line === 'string' && line.includes('"_aws"')) metricLines.push(JSON.parse(line) as Record<string, unknown>);
});
afterAll(() => emf.mockRestore());
const metricValues = (name: string) => metricLines.filter((l) => l.gov === GOV && name in l).map((l) => l[name]);

describe('advances unsettled past their due date', () => {
  it('lists the unsettled advances with their due dates; none overdue during the year', async () => {
    on('2026-12-31T10:00:00+09:00');
    const read = await list();
    expect(read).toMatchObject({ asOf: '2026-12-31', count: 2, unsettled: 700_000, overdueCount: 0, overdueUnsettled: 0 });
    const byId = Object.fromEntries(read.advances.map((a: { orderId: string }) => [a.orderId, a]));
    expect(byId[pettyCash]).toEqual({
      orderId: pettyCash,
      form: 'petty-cash',
      item: 2,
      lineId: 'office',
      amount: 1_000_000,
      paid: 1_000_000,
      settled: 600_000,
      returned: 0,
      cleared: 600_000,
      unsettled: 400_000,
      status: 'outstanding',
      dueBy: '2027-01-20',
      overdue: false,
    });
    expect(byId[estimate]).toMatchObject({ form: 'estimate', item: 5, unsettled: 300_000, dueBy: '2026-12-31', overdue: false });
  });

  it('flags the 일상경비등 advance from 21 January in Korea, not on the 20th', async () => {
    on('2027-01-20T23:59:59+09:00');
    const last = await list();
    expect(last).toMatchObject({ asOf: '2027-01-20', overdueCount: 1, overdueUnsettled: 300_000 });
    expect(last.advances.find((a: { orderId: string }) => a.orderId === pettyCash)).toMatchObject({ overdue: false });
    on('2027-01-21T00:00:00+09:00');
    const after = await list();
    expect(after).toMatchObject({ asOf: '2027-01-21', count: 2, overdueCount: 2, overdueUnsettled: 700_000 });
  });

  it('takes the 일상경비등 반납 back until 20 January with its exception (지방회계법 제7조제2항), not on the 21st', async () => {
    const giveBack = (date: string, exceptionCode: string) =>
      post(routes.returnPayment, callers.bank, { orderId: pettyCash }, { amount: 100_000, date, reason: '미사용 잔액', exceptionCode });
    on('2027-01-21T09:00:00+09:00');
    expect((await giveBack('2027-01-21', 'petty-cash-return')).body).toMatchObject({ status: 422, code: 'cash-closing-window-ended' });
    on('2027-01-20T18:00:00+09:00');
    const wrongOrder = await post(
      routes.returnPayment,
      callers.bank,
      { orderId: estimate },
      { amount: 100_000, date: '2027-01-20', reason: '미사용 잔액', exceptionCode: 'petty-cash-return' },
    );
    expect(wrongOrder.body).toMatchObject({ status: 422, code: 'exception-not-applicable' });
    const back = await appliedPosting(await giveBack('2027-01-20', 'petty-cash-return'));
    expect(back.journal).toMatchObject({
      date: '2027-01-20',
      lines: [
        { account: '1101', debit: 100_000 },
        { account: '1108', credit: 100_000 },
      ],
    });
    const read = await list();
    expect(read.advances.find((a: { orderId: string }) => a.orderId === pettyCash)).toMatchObject({
      returned: 100_000,
      unsettled: 300_000,
      overdue: false,
    });
  });

  it('answers the overdue advances as a warning when the year-end closing is requested', async () => {
    on('2027-02-11T10:00:00+09:00');
    const closing = await callRoute(requestClosing, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'year-end', period: String(YEAR), backfill: true },
      caller: { sub: 'ca-han', roles: ['chief_accountant'], gov: GOV } as never,
    });
    expect(closing.status, JSON.stringify(closing.body)).toBe(202);
    expect(closing.body.unsettledAdvances).toEqual({ count: 2, unsettled: 600_000, orderIds: [pettyCash, estimate].sort() });
  });

  it('emits the unsettled advances the closed year keeps as metrics of its year-end closing, per government: count and won', async () => {
    // The closing queued above runs as the scheduled one does (start-closing queues the same message per government):
    // 일상경비등 1,000,000 − 600,000 settled − 100,000 returned = 300,000 and the 개산급 300,000: 2 advances, 600,000 won.
    expect(await drainSettlementQueue()).toEqual([]);
    expect(metricValues('UnsettledAdvances')).toEqual([2]);
    expect(metricValues('UnsettledAdvanceWon')).toEqual([600_000]);
    const line = metricLines.find((l) => 'UnsettledAdvances' in l) as { _aws: { CloudWatchMetrics: { Metrics: unknown[] }[] } };
    expect(line).toMatchObject({ Service: 'settlement', Kind: 'year-end', gov: GOV, period: String(YEAR) });
    expect(line._aws.CloudWatchMetrics[0]!.Metrics).toEqual([{ Name: 'UnsettledAdvances', Unit: 'Count' }]);
  });
});
