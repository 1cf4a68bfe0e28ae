import { afterAll, describe, expect, it } from 'vitest';
import {
  decideSubsidyGrant,
  decideSubsidyPublication,
  getSubsidyApplication,
  listNationalSubsidyPublishedNames,
  noticeSubsidyPublication,
  orderSubsidyDisclosure,
  recordSubsidyDisclosureCompliance,
  reviewSubsidyApplication,
  submitSubsidyApplication,
} from '#shared/routes/subsidy.ts';
import { GOV } from '#test/integration/execution/support.ts';
import { businessClock, seedYearLine } from '#test/integration/year-boundary/support.ts';
import { auditOperations, committeeApproval, publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();
const clock = businessClock();
afterAll(() => clock.restore());

/**
 * The 공시 cut as operations (보조금법 §20의2②; 보조금령 §11의2②④⑤), through the handlers: a recipient
 * granted 9,000,000 and 3,000,000 in 2026 owes the 공시 of the first (≥ 500만원) by 30 April 2027. The
 * 사업부서 orders it in writing on 10 May; the recipient complies late (it still counts), is ordered
 * again and does not comply. The next 2027 grant of the same government is cut within the band of the
 * count on the day of the decision, on the 2026 total of 12,000,000; the orders it counted are then closed.
 * A third order after that cut, unmet, is a new count: the next grant takes the band of 1, not of 3.
 */
const LINE = 'E.GEN.P9.U1.D1.307-02';
const officer: TestCaller = { sub: `dept-${GOV}`, roles: ['department_official'], gov: GOV };
const budget: TestCaller = { sub: `budget-${GOV}`, roles: ['budget_officer'], gov: GOV };
const recipient: TestCaller = { sub: 'rcp-disclose', roles: ['subsidy_recipient'], gov: GOV };
const identity = {
  kind: 'group',
  name: '공시없는 문화협회',
  businessNumber: '5178623048',
  representative: { name: '정대표', residentNumber: '720303-1234567' },
};

/** A 명단 공표 case under 보조금법 §30①1 naming `applicationRef` (or none), noticed on `noticeOn`. */
const noticeNames = (noticeOn: string, statementBy: string, applicationRef?: { year: string; applicationId: string }) =>
  callRoute(noticeSubsidyPublication, {
    params: { gov: GOV },
    body: {
      target: 'correction-orders',
      particulars: {
        name: identity.name,
        address: '서울특별시 종로구 1',
        representative: { name: '정대표', age: 54 },
        violation: '2026년 공시 미이행, 시정명령 3회 불이행',
        measures: '시정명령 3회, 2027년 보조금 삭감',
      },
      ...(applicationRef ? { applicationRef } : {}),
      noticeOn,
      statementBy,
    },
    caller: budget,
  });

async function granted(year: number, name: string, amount: number, period: { start: string; end: string }, body = {}) {
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov: GOV, year, programId: 'ARTS' },
    body: {
      identity,
      projectName: name,
      plan: `${name}: 주민 누구나 참여하는 ${year}년 행사를 엽니다.`,
      costs: [{ item: '행사비', grant: amount, own: amount / 5 }],
      amountAsked: amount,
      ownShare: amount / 5,
      period,
      submittedOn: `${year}-02-10`,
    },
    caller: recipient,
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const applicationId = applied.body.applicationId as string;
  const params = { gov: GOV, year, applicationId };
  expect(
    (await callRoute(reviewSubsidyApplication, { params, body: committeeApproval(`${year}-02-20`, amount), caller: budget })).status,
  ).toBe(200);
  return {
    params,
    decide: (extra: Record<string, unknown>) =>
      callRoute(decideSubsidyGrant, { params, body: { amount, ...body, ...extra }, caller: officer }),
  };
}

describe('시정명령 for the 공시 and the cut of the next grant (보조금법 §20의2②)', () => {
  it('orders, records compliance, and cuts the next grant within the band of the count', async () => {
    await seedYearLine(2026, { lineId: LINE, budget: 100_000_000, itemCode: '307-02' });
    await seedYearLine(2027, { lineId: LINE, budget: 100_000_000, itemCode: '307-02' });
    for (const year of [2026, 2027])
      await publicCallProgram(GOV, year, budget, { programId: 'ARTS', name: '생활문화 행사 지원', lineId: LINE, budget: 60_000_000 });

    const big = await granted(2026, '봄 마을 음악회', 9_000_000, { start: '2026-03-01', end: '2026-04-30' });
    expect((await big.decide({ decidedOn: '2026-02-25' })).body.decision.obligations).toContainEqual({
      kind: 'disclosure',
      due: '2027-04-30',
      article: '보조금법 §20의2①; 보조금령 §11의2①②',
    });
    const small = await granted(2026, '가을 골목 사진전', 3_000_000, { start: '2026-09-01', end: '2026-10-31' });
    expect((await small.decide({ decidedOn: '2026-08-20' })).status).toBe(200);
    // the rest happens in 2027, after the 공시 day (postings may not be dated after today)
    clock.on('2027-10-02T01:00:00Z');

    const order = (params: Record<string, string | number>, body: Record<string, unknown>, caller = officer) =>
      callRoute(orderSubsidyDisclosure, {
        params,
        body: { ground: 'not-disclosed', content: '2026년 정산보고서·결산서를 통합관리망에 공시할 것', ...body },
        caller,
      });
    const comply = (orderNo: number, compliedOn: string) =>
      callRoute(recordSubsidyDisclosureCompliance, { params: { ...big.params, orderNo }, body: { compliedOn }, caller: officer });

    // refusals: under 500만원, not yet missed, the recipient itself, no day to comply
    expect((await order(small.params, { issuedOn: '2027-05-10', complyBy: '2027-06-10' })).body).toMatchObject({
      status: 422,
      code: 'disclosure-not-required',
      context: { numbers: { grantAmount: 3_000_000, threshold: 5_000_000 } },
    });
    expect((await order(big.params, { issuedOn: '2027-04-30', complyBy: '2027-05-30' })).body).toMatchObject({
      status: 422,
      code: 'disclosure-not-yet-due',
      context: { disclosureDue: '2027-04-30' },
    });
    expect((await order(big.params, { issuedOn: '2027-05-10', complyBy: '2027-06-10' }, recipient)).status).toBe(403);
    expect((await order(big.params, { issuedOn: '2027-05-10', complyBy: '2027-05-10' })).body.code).toBe('correction-order-dates');

    const first = await order(big.params, { issuedOn: '2027-05-10', complyBy: '2027-06-10' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.disclosureOrders).toEqual([
      expect.objectContaining({ ground: 'not-disclosed', issuedOn: '2027-05-10', complyBy: '2027-06-10', issuedBy: officer.sub }),
    ]);
    expect((await order(big.params, { issuedOn: '2027-06-10', complyBy: '2027-07-10' })).body).toMatchObject({
      status: 409,
      code: 'correction-order-running',
      context: { orderNo: 1 },
    });
    expect((await comply(2, '2027-06-20')).body).toMatchObject({ status: 404, code: 'correction-order-not-found' });
    expect((await comply(1, '2027-06-20')).status).toBe(200); // 10 days late: recorded, still counts
    expect((await comply(1, '2027-06-21')).body).toMatchObject({ status: 409, code: 'correction-order-complied' });
    expect((await order(big.params, { issuedOn: '2027-06-21', complyBy: '2027-07-21' })).status).toBe(201);

    // the recipient sees its orders on its grant
    const seen = await callRoute(getSubsidyApplication, { params: big.params, caller: recipient });
    expect(seen.body.disclosureOrders.map((o: { compliedOn?: string }) => o.compliedOn ?? null)).toEqual(['2027-06-20', null]);

    const next = await granted(2027, '2027 봄 마을 음악회', 9_000_000, { start: '2027-08-01', end: '2027-10-31' });
    // 21 July: order 2 runs to its day → 1 unmet (order 1, met late): ≤ 10 % of 12,000,000
    expect((await next.decide({ decidedOn: '2027-07-21' })).body).toMatchObject({
      status: 422,
      code: 'disclosure-cut-undecided',
      context: { numbers: { unmetOrders: 1, minCutBp: 0, maxCutBp: 1000, disclosedYear: 2026, yearGrantTotal: 12_000_000 } },
    });
    // 22 July: order 2 passed its day unmet → 2 unmet: > 10 % to 20 %
    expect((await next.decide({ decidedOn: '2027-07-22', disclosureCutBp: 1000 })).body).toMatchObject({
      status: 422,
      code: 'disclosure-cut-outside-band',
      context: { requested: 1000, numbers: { unmetOrders: 2, minCutBp: 1001, maxCutBp: 2000 } },
    });
    expect((await next.decide({ decidedOn: '2027-07-22', disclosureCutBp: 2001 })).body.code).toBe('disclosure-cut-outside-band');
    const cut = await next.decide({ decidedOn: '2027-07-22', disclosureCutBp: 1001 });
    expect(cut.status, JSON.stringify(cut.body)).toBe(200);
    // 12,000,000 × 10.01 % = 1,201,200 off 9,000,000
    expect(cut.body.decision).toMatchObject({
      amount: 7_798_800,
      disclosureCut: {
        cutBp: 1001,
        cut: 1_201_200,
        unmetOrders: 2,
        disclosedYear: 2026,
        yearGrantTotal: 12_000_000,
        applications: [big.params.applicationId],
        article: '보조금법 §20의2②; 보조금령 §11의2④⑤',
      },
    });

    // taken once: the orders counted are closed, and the grant after is not cut again without a new order
    expect((await comply(2, '2027-07-25')).body).toMatchObject({ status: 409, code: 'disclosure-cut-taken' });
    const after = await granted(2027, '2027 겨울 골목 전시', 6_000_000, { start: '2027-11-01', end: '2027-12-20' });
    const uncut = await after.decide({ decidedOn: '2027-10-01' });
    expect(uncut.status, JSON.stringify(uncut.body)).toBe(200);
    expect(uncut.body.decision.amount).toBe(6_000_000);
    expect(uncut.body.decision.disclosureCut).toBeUndefined();

    // 보조금법 §30①1 publishes from 3 시정명령: with 2 the case is refused, as without the grant named
    const ref = { year: '2026', applicationId: String(big.params.applicationId) };
    expect((await noticeNames('2027-10-02', '2027-10-16', ref)).body).toMatchObject({
      status: 422,
      code: 'publication-measures-below-three',
      context: { numbers: { orders: 2, required: 3 } },
    });
    expect((await noticeNames('2027-10-02', '2027-10-16')).body.code).toBe('publication-measures-below-three');

    // a later order after the cut is a new count: the next grant takes the band of 1 unmet, not of 3
    const third = await order(big.params, { issuedOn: '2027-10-02', complyBy: '2027-10-20' });
    expect(third.status, JSON.stringify(third.body)).toBe(201);
    expect(third.body.disclosureOrders).toHaveLength(3);
    // the month's audit trail (the business clock's October): each order and the compliance
    expect(await auditOperations(GOV, 'subsidy.disclosure')).toEqual([
      'subsidy.disclosure.order',
      'subsidy.disclosure.comply',
      'subsidy.disclosure.order',
      'subsidy.disclosure.order',
    ]);
    clock.on('2027-11-02T01:00:00Z');
    const last = await granted(2027, '2027 연말 나눔 장터', 6_000_000, { start: '2027-12-21', end: '2027-12-31' });
    expect((await last.decide({ decidedOn: '2027-10-21' })).body).toMatchObject({
      status: 422,
      code: 'disclosure-cut-undecided',
      context: { numbers: { unmetOrders: 1, minCutBp: 0, maxCutBp: 1000, disclosedYear: 2026, yearGrantTotal: 12_000_000 } },
    });
    const recut = await last.decide({ decidedOn: '2027-10-21', disclosureCutBp: 500 });
    expect(recut.status, JSON.stringify(recut.body)).toBe(200);
    // 12,000,000 × 5 % = 600,000 off 6,000,000
    expect(recut.body.decision).toMatchObject({
      amount: 5_400_000,
      disclosureCut: { cutBp: 500, cut: 600_000, unmetOrders: 1, applications: [big.params.applicationId] },
    });
    expect((await comply(3, '2027-11-01')).body).toMatchObject({ status: 409, code: 'disclosure-cut-taken' });

    // three 시정명령 now: the 명단 공표 case is taken, and the ministry's list links it to the grant
    const noticed = await noticeNames('2027-11-02', '2027-11-16', ref);
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(201);
    expect(noticed.body).toMatchObject({ article: '보조금법 §30①1 (§20의2② 시정명령·삭감 3회 이상)', correctionOrders: 3 });
    clock.on('2027-12-01T01:00:00Z');
    const published = await callRoute(decideSubsidyPublication, {
      params: { gov: GOV, publicationId: noticed.body.publicationId },
      body: { committeeOn: '2027-11-20', reason: '위원회 의결 (2027-11-20)', decidedOn: '2027-11-25', publish: true },
      caller: budget,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const listed = await callRoute(listNationalSubsidyPublishedNames, {
      query: { on: '2027-12-01' },
      caller: { sub: 'mois-1', roles: ['ministry'] },
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        gov: GOV,
        name: identity.name,
        applicationRef: { year: 2026, applicationId: ref.applicationId },
        correctionOrders: 3,
        until: '2028-11-24',
      }),
    ]);
  });
});
