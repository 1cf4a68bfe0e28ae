import { afterAll, describe, expect, it } from 'vitest';
import {
  decideSubsidyGrant,
  orderSubsidyDisclosure,
  recordSubsidyDisclosureCompliance,
  reviewSubsidyApplication,
  submitSubsidyApplication,
} from '#shared/routes/subsidy.ts';
import { GOV } from '#test/integration/execution/support.ts';
import { businessClock, seedYearLine } from '#test/integration/year-boundary/support.ts';
import { committeeApproval, publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();
const clock = businessClock();
afterAll(() => clock.restore());

/**
 * The 공시 duty at its threshold and a waived cut, through the handlers (보조금법 §20의2; 보조금령 §11의2): a
 * 사업 granted 4,999,999 in 2026 owes no 공시 and takes no 시정명령; one granted 5,000,000 owes it by
 * 30 April 2027, is ordered in May and does not comply. The next grant of the same government is decided
 * without a cut, the reason recorded (`disclosureCutWaiver`), and that takes the case as a cut would.
 */
const LINE = 'E.GEN.P8.U1.D1.307-02';
const officer: TestCaller = { sub: `dept-${GOV}`, roles: ['department_official'], gov: GOV };
const budget: TestCaller = { sub: `budget-${GOV}`, roles: ['budget_officer'], gov: GOV };
const recipients = {
  below: {
    caller: { sub: 'rcp-below', roles: ['subsidy_recipient'], gov: GOV } as TestCaller,
    identity: {
      kind: 'group',
      name: '골목 책방 모임',
      businessNumber: '1058765430',
      representative: { name: '한대표', residentNumber: '710101-1234567' },
    },
  },
  at: {
    caller: { sub: 'rcp-at', roles: ['subsidy_recipient'], gov: GOV } as TestCaller,
    identity: {
      kind: 'group',
      name: '강변 생활체육회',
      businessNumber: '2208112341',
      representative: { name: '윤대표', residentNumber: '730303-2345678' },
    },
  },
};

async function granted(
  who: keyof typeof recipients,
  year: number,
  name: string,
  amount: number,
  period: { start: string; end: string },
  decision: Record<string, unknown>,
) {
  const { caller, identity } = recipients[who];
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov: GOV, year, programId: 'EDGE' },
    body: {
      identity,
      projectName: name,
      plan: `${name}: ${identity.name}이 주민과 함께 여는 ${year}년 사업입니다.`,
      costs: [{ item: '사업비', grant: amount, own: 1_000_000 }],
      amountAsked: amount,
      ownShare: 1_000_000,
      period,
      submittedOn: `${year}-02-10`,
    },
    caller,
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const params = { gov: GOV, year, applicationId: applied.body.applicationId as string };
  const reviewed = await callRoute(reviewSubsidyApplication, { params, body: committeeApproval(`${year}-02-20`, amount), caller: budget });
  expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  return {
    params,
    decide: (extra: Record<string, unknown> = {}) =>
      callRoute(decideSubsidyGrant, { params, body: { amount, ...decision, ...extra }, caller: officer }),
  };
}

const order = (params: Record<string, string | number>, issuedOn: string, complyBy: string) =>
  callRoute(orderSubsidyDisclosure, {
    params,
    body: { ground: 'not-disclosed', content: '2026년 정산보고서를 통합관리망에 공시할 것', issuedOn, complyBy },
    caller: officer,
  });

describe('the 공시 threshold at 5,000,000 and a waived cut (보조금법 §20의2; 보조금령 §11의2)', () => {
  const grants = { below: { gov: GOV, year: 2026, applicationId: '' }, at: { gov: GOV, year: 2026, applicationId: '' } };

  it('owes no 공시 for 4,999,999 and owes it for 5,000,000 granted in the year', async () => {
    for (const year of [2026, 2027]) {
      await seedYearLine(year, { lineId: LINE, budget: 100_000_000, itemCode: '307-02' });
      await publicCallProgram(GOV, year, budget, { programId: 'EDGE', name: '주민 공동체 사업 지원', lineId: LINE, budget: 50_000_000 });
    }
    const period = { start: '2026-03-01', end: '2026-06-30' };
    const below = await granted('below', 2026, '골목 책방 낭독회', 4_999_999, period, { decidedOn: '2026-02-25' });
    const belowDecided = await below.decide();
    expect(belowDecided.status, JSON.stringify(belowDecided.body)).toBe(200);
    expect(belowDecided.body.decision.obligations).toEqual([]);
    const at = await granted('at', 2026, '강변 걷기 대회', 5_000_000, period, { decidedOn: '2026-02-25' });
    const atDecided = await at.decide();
    expect(atDecided.status, JSON.stringify(atDecided.body)).toBe(200);
    expect(atDecided.body.decision.obligations).toEqual([
      { kind: 'disclosure', due: '2027-04-30', article: '보조금법 §20의2①; 보조금령 §11의2①②' },
    ]);
    grants.below = below.params;
    grants.at = at.params;

    // after the 공시 day: only the 5,000,000 grant can be ordered
    clock.on('2027-05-11T01:00:00Z');
    expect((await order(grants.below, '2027-05-11', '2027-05-31')).body).toMatchObject({
      status: 422,
      code: 'disclosure-not-required',
      context: { numbers: { grantAmount: 4_999_999, threshold: 5_000_000 } },
    });
    const ordered = await order(grants.at, '2027-05-11', '2027-05-31');
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
  });

  it('decides the next grant without a cut when the reason is recorded, and that closes the order', async () => {
    clock.on('2027-06-10T01:00:00Z');
    const next = await granted(
      'at',
      2027,
      '강변 자전거 교실',
      3_000_000,
      { start: '2027-07-01', end: '2027-08-31' },
      {
        decidedOn: '2027-06-05',
      },
    );
    expect((await next.decide()).body).toMatchObject({
      status: 422,
      code: 'disclosure-cut-undecided',
      context: { numbers: { unmetOrders: 1, minCutBp: 0, maxCutBp: 1000, disclosedYear: 2026, yearGrantTotal: 5_000_000 } },
    });
    const waiver = '공시 시스템 장애로 제출 불가했음이 확인됨(행정안전부 공문)';
    const waived = await next.decide({ disclosureCutWaiver: waiver });
    expect(waived.status, JSON.stringify(waived.body)).toBe(200);
    expect(waived.body.decision).toMatchObject({
      amount: 3_000_000,
      disclosureCut: { cutBp: 0, cut: 0, unmetOrders: 1, disclosedYear: 2026, waiver, applications: [grants.at.applicationId] },
    });
    // the waiver took the case: the order it counted is closed, and the grant after is not asked again
    const late = await callRoute(recordSubsidyDisclosureCompliance, {
      params: { ...grants.at, orderNo: 1 },
      body: { compliedOn: '2027-06-08' },
      caller: officer,
    });
    expect(late.body).toMatchObject({ status: 409, code: 'disclosure-cut-taken' });
    const after = await granted(
      'at',
      2027,
      '강변 겨울 달리기',
      2_000_000,
      { start: '2027-11-01', end: '2027-12-15' },
      {
        decidedOn: '2027-06-09',
      },
    );
    const uncut = await after.decide();
    expect(uncut.status, JSON.stringify(uncut.body)).toBe(200);
    expect(uncut.body.decision.disclosureCut).toBeUndefined();
  });
});
