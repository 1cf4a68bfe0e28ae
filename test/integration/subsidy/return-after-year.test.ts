import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { confirmPayment, getPosting } from '#shared/routes/execution.ts';
import {
  decideSubsidyGrant,
  listNationalOutstandingReturns,
  paySubsidy,
  recordSubsidyExecution,
  recordSubsidyReturn,
  requestSubsidyPayment,
  reviewSubsidyApplication,
  settleSubsidyGrant,
  submitSubsidyApplication,
  submitSubsidyReport,
} from '#shared/routes/subsidy.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { callers, drainPostings, GOV } from '#test/integration/execution/support.ts';
import { seedYearCash, seedYearLine } from '#test/integration/year-boundary/support.ts';
import { publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { setClock, TEST_CLOCK } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * A grant's 반환 on both sides of 31 December through the HTTP handlers, every posting applied by the
 * consumer (지방회계법 제27조): two grants of 9,000,000 paid by the 금고 in April 2026; one recipient
 * returns 3,000,000 on 20 December 2026 — 반납: the 2026 보조금 line's paid and committed fall by it
 * (제27조제2항); the other returns 4,000,000 on 25 January 2027 — the 2026 books are closed to it, so
 * it is 2027 revenue on the 2027 revenue line (제27조제1항) and the 2026 line is not restored.
 */
const year = 2026;
const LINE = 'E.GEN.P7.U1.D1.307-02';
const REVENUE_2027 = 'R.GEN.227-01';
const officer: TestCaller = { sub: 'dept-11000', roles: ['department_official'], gov: GOV };
const budget: TestCaller = { sub: 'budget-11000', roles: ['budget_officer'], gov: GOV };
const revenue = callers.revenueOfficer;
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};

const lineOf = async (lineYear: number, lineId: string) =>
  (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: lineControlKey(GOV, lineYear, lineId), ConsistentRead: true })))
    .Item ?? {};

async function statusesOf(postingIds: readonly string[]): Promise<{ kind: string; status: string; year: number }[]> {
  await drainPostings();
  const statuses = [];
  for (const postingId of postingIds) {
    const answer = await callRoute(getPosting, { params: { gov: GOV, postingId }, caller: callers.financeOfficer });
    statuses.push({ kind: answer.body.kind, status: answer.body.status, year: answer.body.year });
  }
  return statuses;
}

/** A grant decided, paid by the 금고 and spent in part: returns the application id. */
async function paidGrant(sub: string, businessNumber: string, name: string, residentNumber: string, spent: number): Promise<string> {
  const recipient: TestCaller = { sub, roles: ['subsidy_recipient'], gov: GOV };
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov: GOV, year, programId: 'YOUTH' },
    body: {
      identity: { kind: 'group', name, businessNumber, representative: { name: `${name} 대표`, residentNumber } },
      projectName: `${name} 청소년 진로 캠프`,
      plan: `${name}이 관내 청소년 ${businessNumber.slice(0, 2)}명에게 진로 탐색 캠프를 엽니다.`,
      costs: [{ item: '운영비', grant: 9_000_000, own: 1_000_000 }],
      amountAsked: 9_000_000,
      ownShare: 1_000_000,
      period: { start: `${year}-04-01`, end: `${year}-10-31` },
      submittedOn: `${year}-02-10`,
    },
    caller: recipient,
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const id = applied.body.applicationId as string;
  const params = { gov: GOV, year, applicationId: id };
  const committee = {
    meetingDate: `${year}-03-05`,
    registered: 7,
    present: ['m1', 'm2', 'm3', 'm4'],
    recused: [],
    inFavour: 4,
    approvedAmount: 9_000_000,
    conditions: [],
  };
  expect((await callRoute(reviewSubsidyApplication, { params, body: committee, caller: budget })).status).toBe(200);
  const decided = await callRoute(decideSubsidyGrant, { params, body: { amount: 9_000_000, decidedOn: `${year}-03-10` }, caller: officer });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  const requested = await callRoute(requestSubsidyPayment, {
    params,
    body: { amount: 9_000_000, requestedOn: `${year}-04-02`, evidence: [{ kind: 'other', reference: '교부신청서' }] },
    caller: recipient,
  });
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  const paid = await callRoute(paySubsidy, {
    params: { ...params, paymentId: requested.body.paymentId },
    body: { paidOn: `${year}-04-03` },
    caller: callers.disbursingOfficer,
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  await drainPostings();
  const confirmed = await callRoute(confirmPayment, {
    params: { gov: GOV, year, orderId: paid.body.orderId },
    body: { date: `${year}-04-03` },
    headers: { 'Idempotency-Key': randomUUID() },
    caller: callers.bank,
  });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(202);
  expect(
    await statusesOf([decided.body.decision.commitmentId, paid.body.resolutionId, paid.body.orderId, confirmed.body.postingId]),
  ).toEqual(['commit', 'resolve', 'order', 'pay'].map((kind) => ({ kind, status: 'applied', year })));
  const executed = await callRoute(recordSubsidyExecution, {
    params,
    body: {
      item: '운영비',
      source: 'grant',
      amount: spent,
      date: `${year}-06-10`,
      evidence: { kind: 'e-tax-invoice', reference: `T-${sub}` },
    },
    caller: recipient,
  });
  expect(executed.status, JSON.stringify(executed.body)).toBe(201);
  const reported = await callRoute(submitSubsidyReport, {
    params,
    body: { submittedOn: `${year}-11-15`, completedOn: `${year}-10-31`, interest: 0 },
    caller: recipient,
  });
  expect(reported.status, JSON.stringify(reported.body)).toBe(200);
  const settled = await callRoute(settleSubsidyGrant, {
    params,
    body: { fixedAmount: spent, interest: 0, settledOn: `${year}-11-25` },
    caller: officer,
  });
  expect(settled.body).toMatchObject({
    state: 'settled',
    settlement: { fixed: spent, returnDue: 9_000_000 - spent, releasedFromCommitment: 0 },
  });
  return id;
}

beforeAll(async () => {
  await useTestStack();
  await seedYearLine(year, { lineId: LINE, budget: 100_000_000, itemCode: '307-02' });
  await seedYearCash(year, `${year}-04`, 50_000_000);
  await seedYearLine(year + 1, { lineId: REVENUE_2027, kind: 'revenue', budget: 0 });
});
afterAll(() => restore());

describe('지방보조금 반환 before and after 31 December (지방회계법 제27조)', () => {
  const ids = { december: '', january: '' };

  it('pays two grants through the 금고 and fixes their amounts (반환 due 3,000,000 and 4,000,000)', async () => {
    on(TEST_CLOCK);
    await publicCallProgram(GOV, year, budget, { programId: 'YOUTH', name: '청소년 진로 캠프 지원', lineId: LINE, budget: 50_000_000 });
    ids.december = await paidGrant('rcp-dec', '1058765430', '한빛재단', '700101-1234567', 6_000_000);
    ids.january = await paidGrant('rcp-jan', '2208112341', '푸른재단', '810202-2345678', 5_000_000);
    expect(await lineOf(year, LINE)).toMatchObject({ committed: 18_000_000, resolved: 18_000_000, ordered: 18_000_000, paid: 18_000_000 });
  });

  it('takes a return of 20 December back onto the 2026 line (반납, 제27조제2항)', async () => {
    on(`${year}-12-20T10:00:00+09:00`);
    const returned = await callRoute(recordSubsidyReturn, {
      params: { gov: GOV, year, applicationId: ids.december },
      body: { amount: 3_000_000, receivedOn: `${year}-12-20` },
      caller: revenue,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'closed',
      returns: [{ destination: { kind: 'restore-line', year }, restored: 3_000_000 }],
    });
    expect(await statusesOf(returned.body.returns[0].postingIds)).toEqual([{ kind: 'return', status: 'applied', year }]);
    expect(await lineOf(year, LINE)).toMatchObject({ committed: 15_000_000, paid: 15_000_000, returned: 3_000_000 });
  });

  it('takes a return of 25 January 2027 as 2027 revenue; the 2026 line stays as it was (제27조제1항)', async () => {
    on(`${year + 1}-01-25T10:00:00+09:00`);
    const params = { gov: GOV, year, applicationId: ids.january };
    const withoutLine = await callRoute(recordSubsidyReturn, {
      params,
      body: { amount: 4_000_000, receivedOn: `${year + 1}-01-25` },
      caller: revenue,
    });
    expect(withoutLine.body).toMatchObject({ status: 400, code: 'invalid-request' });
    const returned = await callRoute(recordSubsidyReturn, {
      params,
      body: { amount: 4_000_000, receivedOn: `${year + 1}-01-25`, revenueLineId: REVENUE_2027 },
      caller: revenue,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'closed',
      returns: [{ destination: { kind: 'current-year-revenue', year: year + 1, article: '지방회계법 §27①' }, restored: 0 }],
    });
    expect(await statusesOf(returned.body.returns[0].postingIds)).toEqual([
      { kind: 'assess', status: 'applied', year: year + 1 },
      { kind: 'receive', status: 'applied', year: year + 1 },
    ]);
    expect(await lineOf(year + 1, REVENUE_2027)).toMatchObject({ assessed: 4_000_000, received: 4_000_000 });
    expect(await lineOf(year, LINE)).toMatchObject({ committed: 15_000_000, paid: 15_000_000, returned: 3_000_000 });
    const outstanding = await callRoute(listNationalOutstandingReturns, { caller: callers.ministry });
    expect(outstanding.body.items.filter((item: { gov: string }) => item.gov === GOV)).toEqual([]);
  });

  it('takes a 정산반납 of 20 January 2027 back onto the 2026 line (제7조제1항제3호; 회계령 제3조제2호)', async () => {
    on(TEST_CLOCK);
    const settled = await paidGrant('rcp-jan20', '4192736505', '새벽재단', '790909-1234567', 7_000_000);
    on(`${year + 1}-01-20T10:00:00+09:00`);
    const returned = await callRoute(recordSubsidyReturn, {
      params: { gov: GOV, year, applicationId: settled },
      body: { amount: 2_000_000, receivedOn: `${year + 1}-01-20` },
      caller: revenue,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'closed',
      returns: [{ destination: { kind: 'restore-line', year, article: '지방회계법 §7①3, §27②; 회계령 §3 2호' }, restored: 2_000_000 }],
    });
    expect(await statusesOf(returned.body.returns[0].postingIds)).toEqual([{ kind: 'return', status: 'applied', year }]);
    // 15,000,000 + 9,000,000 paid − 2,000,000 back; returned 3,000,000 + 2,000,000
    expect(await lineOf(year, LINE)).toMatchObject({ committed: 22_000_000, paid: 22_000_000, returned: 5_000_000 });
  });
});
