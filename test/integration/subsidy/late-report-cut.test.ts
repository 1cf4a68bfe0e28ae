import { describe, expect, it } from 'vitest';
import { decideSubsidyGrant, reviewSubsidyApplication, submitSubsidyApplication, submitSubsidyReport } from '#shared/routes/subsidy.ts';
import { seedLine } from '#test/integration/execution/support.ts';
import { committeeApproval, publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * A late 실적보고 cuts the same government's next grant to the recipient once (보조금법 §17③; 보조금령
 * §9④): a report 4 months late leaves a cut of at most 10 %; the next decision must choose a rate in
 * the band or record why not; the grant after that is not cut again.
 */
const year = 2026;
const GOV = '47110';
const LINE = 'E.GEN.P3.U1.D1.307-02';
const officer: TestCaller = { sub: 'dept-47110', roles: ['department_official'], gov: GOV };
const budget: TestCaller = { sub: 'budget-47110', roles: ['budget_officer'], gov: GOV };
const recipient: TestCaller = { sub: 'rcp-late', roles: ['subsidy_recipient'], gov: GOV };
const identity = {
  kind: 'group',
  name: '늦은보고 협회',
  businessNumber: '3128645210',
  representative: { name: '김대표', residentNumber: '690101-1234567' },
};

async function application(name: string, plan: string, period: { start: string; end: string }): Promise<string> {
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov: GOV, year, programId: 'CLUBS' },
    body: {
      identity,
      projectName: name,
      plan,
      costs: [{ item: '활동비', grant: 9_000_000, own: 1_000_000 }],
      amountAsked: 9_000_000,
      ownShare: 1_000_000,
      period,
      submittedOn: `${year}-02-10`,
    },
    caller: recipient,
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const id = applied.body.applicationId as string;
  const committee = committeeApproval(`${year}-02-20`, 9_000_000);
  expect(
    (await callRoute(reviewSubsidyApplication, { params: { gov: GOV, year, applicationId: id }, body: committee, caller: budget })).status,
  ).toBe(200);
  return id;
}

const decide = (applicationId: string, body: Record<string, unknown>) =>
  callRoute(decideSubsidyGrant, {
    params: { gov: GOV, year, applicationId },
    body: { amount: 9_000_000, decidedOn: `${year}-11-20`, ...body },
    caller: officer,
  });

describe('the cut of the next grant after a late 실적보고 (보조금법 §17③)', () => {
  it('cuts the next grant within the band of a report 4 months late, once', async () => {
    await seedLine({ gov: GOV, lineId: LINE, allotted: 100_000_000, itemCode: '307-02' });
    await publicCallProgram(GOV, year, budget, { programId: 'CLUBS', name: '생활체육 동호회 지원', lineId: LINE, budget: 60_000_000 });
    const first = await application('봄철 배드민턴 대회', '동호인 200명이 참가하는 봄철 배드민턴 대회를 엽니다.', {
      start: `${year}-03-01`,
      end: `${year}-04-30`,
    });
    expect(
      (
        await callRoute(decideSubsidyGrant, {
          params: { gov: GOV, year, applicationId: first },
          body: { amount: 9_000_000, decidedOn: `${year}-02-25` },
          caller: officer,
        })
      ).status,
    ).toBe(200);
    // completed 30 April: due 30 June; submitted 31 October = 4 months late → cut ≤ 10 % (영 §9④1)
    const reported = await callRoute(submitSubsidyReport, {
      params: { gov: GOV, year, applicationId: first },
      body: { submittedOn: `${year}-10-31`, completedOn: `${year}-04-30`, interest: 0 },
      caller: recipient,
    });
    expect(reported.body.report).toMatchObject({ dueDate: `${year}-06-30`, late: { band: 1, monthsLate: 4, maxCutBp: 1000 } });

    const second = await application('겨울 실내 탁구 교실', '주민 40명에게 탁구 기초를 가르치는 겨울 교실을 운영합니다.', {
      start: `${year}-12-01`,
      end: `${year}-12-31`,
    });
    expect((await decide(second, {})).body).toMatchObject({
      status: 422,
      code: 'report-cut-undecided',
      context: { numbers: { maxCutBp: 1000, monthsLate: 4, lateApplications: [first] } },
    });
    expect((await decide(second, { cutBp: 1001 })).body).toMatchObject({
      status: 422,
      code: 'report-cut-outside-band',
      context: { requested: 1001 },
    });
    const cut = await decide(second, { cutBp: 1000 });
    expect(cut.status, JSON.stringify(cut.body)).toBe(200);
    expect(cut.body.decision).toMatchObject({
      amount: 8_100_000,
      reportCut: { asked: 9_000_000, cutBp: 1000, cut: 900_000, lateApplications: [first], article: '보조금법 §17③; 보조금령 §9④' },
    });

    const third = await application('연말 걷기 대회', '주민 300명이 함께 걷는 연말 걷기 대회를 엽니다.', {
      start: `${year}-12-01`,
      end: `${year}-12-31`,
    });
    const uncut = await decide(third, { overrideReason: '같은 단체의 다른 행사(현장 확인)' });
    expect(uncut.status, JSON.stringify(uncut.body)).toBe(200);
    expect(uncut.body.decision.amount).toBe(9_000_000);
    expect(uncut.body.decision.reportCut).toBeUndefined();
  });
});
