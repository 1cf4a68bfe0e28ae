import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import * as routes from '#shared/routes/execution.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { callRoute } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, callers, FUND, GOV, readItems, readLine, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

/**
 * The cash side of the payment desk through the HTTP API, on the business clock (as the year-boundary
 * rehearsal runs it): a March salary with 원천징수, the April remittance of what was withheld, a 반납
 * in December that goes back to the line (지방회계법 제27조제2항) and one after the year closed that
 * is revenue of 2027 and restores nothing (제27조제1항).
 */
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};
let keys = 0;
const post = (route: (typeof routes)[keyof typeof routes], caller: object, params: Record<string, string | number>, body: unknown) =>
  callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year: YEAR, ...params },
    body,
    headers: { 'Idempotency-Key': `desk-${++keys}` },
  });
const applied = appliedPosting;
const custody = async (custodyId: string) => (await readItems(`DOC#${GOV}#${custodyId}`))[0];

const GROSS = 3_000_000;
const withholdings = [
  { kind: 'income-tax', amount: 150_000 },
  { kind: 'local-income-tax', amount: 15_000 },
  { kind: 'national-pension', amount: 135_000 },
  { kind: 'health-insurance', amount: 106_350 },
];
const WITHHELD = 406_350;
let orderId = '';

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'salaries', allotted: 10_000_000, itemCode: '101-01' });
  await seedCash('2026-03', 5_000_000);
  // 2027's miscellaneous revenue line (세외수입 경상적세외수입), for the return after the year closed.
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...lineControlKey(GOV, 2027, 'misc-revenue'),
        gov: GOV,
        year: 2027,
        lineId: 'misc-revenue',
        kind: 'revenue',
        fund: FUND,
        itemCode: '2',
        journal: { code: '2-1' },
        budget: 0,
        allotted: 0,
      },
    }),
  );
});
afterAll(() => restore());

describe('a month at the payment desk', () => {
  it('pays a salary gross on the line, net to the employee, the withholdings held as 세입세출외현금', async () => {
    on('2026-03-25T10:00:00+09:00');
    const commitment = await applied(
      await post(
        routes.createCommitment,
        callers.financeOfficer,
        {},
        {
          lineId: 'salaries',
          amount: GROSS,
          counterparty: '직원 급여 3월',
          contractRef: 'PAY-2026-03',
          date: '2026-03-25',
          attribution: { category: 'fact-date', date: '2026-03-25' },
        },
      ),
    );
    const resolution = await applied(
      await post(
        routes.resolvePayment,
        callers.financeOfficer,
        { commitmentId: commitment.postingId },
        { amount: GROSS, date: '2026-03-25' },
      ),
    );
    const tooMuch = await post(
      routes.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.postingId },
      { amount: GROSS, date: '2026-03-25', withholdings: [{ kind: 'income-tax', amount: GROSS + 1 }] },
    );
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'withholding-exceeds-gross', context: { gross: GROSS, withheld: GROSS + 1 } });
    const unknownKind = await post(
      routes.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution.postingId },
      { amount: GROSS, date: '2026-03-25', withholdings: [{ kind: 'church-tax', amount: 1 }] },
    );
    expect(unknownKind.status).toBe(400);
    const order = await applied(
      await post(
        routes.orderPayment,
        callers.disbursingOfficer,
        { resolutionId: resolution.postingId },
        { amount: GROSS, date: '2026-03-25', withholdings },
      ),
    );
    orderId = order.postingId;
    const payment = await applied(await post(routes.confirmPayment, callers.bank, { orderId }, { date: '2026-03-25' }));
    expect(payment.journal.lines).toEqual([
      { account: '2101', debit: GROSS, credit: 0 },
      { account: '1101', debit: 0, credit: GROSS - WITHHELD },
      { account: '2102', debit: 0, credit: WITHHELD },
    ]);
    expect(await readLine('salaries')).toMatchObject({ committed: GROSS, paid: GROSS });
    expect(await custody('WH-2026-03-income-tax')).toMatchObject({ deposited: 150_000, released: 0, dueDate: '2026-04-10' });
    expect(await custody('WH-2026-03-health-insurance')).toMatchObject({ deposited: 106_350, book: 'withholding' });
  });

  it('remits the income tax withheld by the 10th of the next month, never more than it holds', async () => {
    on('2026-04-10T10:00:00+09:00');
    const remitted = await applied(
      await post(
        routes.withdrawCustody,
        callers.bank,
        { custodyId: 'WH-2026-03-income-tax' },
        { amount: 150_000, date: '2026-04-10', purpose: 'remittance' },
      ),
    );
    expect(remitted.journal.lines).toEqual([
      { account: '2102', debit: 150_000, credit: 0 },
      { account: '1101', debit: 0, credit: 150_000 },
    ]);
    const again = await post(
      routes.withdrawCustody,
      callers.bank,
      { custodyId: 'WH-2026-03-income-tax' },
      { amount: 1, date: '2026-04-10', purpose: 'remittance' },
    );
    expect(again.body).toMatchObject({ status: 422, code: 'release-within-deposit', context: { released: 150_000, deposited: 150_000 } });
    const notAnOfficer = await post(
      routes.withdrawCustody,
      callers.disbursingOfficer,
      { custodyId: 'WH-2026-03-local-income-tax' },
      { amount: 15_000, date: '2026-04-10', purpose: 'remittance' },
    );
    expect(notAnOfficer.status).toBe(403);
  });

  it('takes a 반납 in December back onto the line: paid and committed down, the budget free again', async () => {
    on('2026-12-20T10:00:00+09:00');
    const returned = await applied(
      await post(routes.returnPayment, callers.bank, { orderId }, { amount: 200_000, date: '2026-12-20', reason: '초과 지급 반납' }),
    );
    expect(returned.journal.lines).toEqual([
      { account: '1101', debit: 200_000, credit: 0 },
      { account: '5201', debit: 0, credit: 200_000 },
    ]);
    expect(await readLine('salaries')).toMatchObject({ committed: GROSS - 200_000, paid: GROSS - 200_000, returned: 200_000 });
    const over = await post(routes.returnPayment, callers.bank, { orderId }, { amount: GROSS, date: '2026-12-20', reason: '반납' });
    expect(over.body).toMatchObject({ status: 422, code: 'return-within-paid', context: { paid: GROSS, returned: 200_000 } });
    const byAnOfficer = await post(
      routes.returnPayment,
      callers.disbursingOfficer,
      { orderId },
      { amount: 1, date: '2026-12-20', reason: '반납' },
    );
    expect(byAnOfficer.status).toBe(403);
  });

  it('takes a 반납 after the year closed as 2027 revenue, the 2026 line untouched', async () => {
    on('2027-03-02T10:00:00+09:00');
    const path = { year: 2027, orderId };
    const withoutLine = await post(routes.returnPayment, callers.bank, path, { amount: 100_000, date: '2027-03-02', reason: '반납' });
    expect(withoutLine.body).toMatchObject({ status: 422, code: 'return-revenue-line-required', context: { orderYear: 2026, year: 2027 } });
    const revenue = await applied(
      await post(routes.returnPayment, callers.bank, path, {
        amount: 100_000,
        date: '2027-03-02',
        reason: '과년도 반납',
        revenueLineId: 'misc-revenue',
      }),
    );
    expect(revenue).toMatchObject({ year: 2027, kind: 'return' });
    expect(revenue.journal.lines).toEqual([
      { account: '1101', debit: 100_000, credit: 0 },
      { account: '4202', debit: 0, credit: 100_000 },
    ]);
    expect(await readLine('salaries')).toMatchObject({ committed: GROSS - 200_000, paid: GROSS - 200_000, returned: 200_000 });
    expect((await readItems(`DOC#${GOV}#${orderId}`))[0]).toMatchObject({ paid: GROSS, returned: 300_000 });
  });
});
