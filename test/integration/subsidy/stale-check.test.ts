import { describe, expect, it } from 'vitest';
import {
  cancelSubsidyGrant,
  decideSubsidyGrant,
  paySubsidy,
  recordSubsidyReturn,
  requestSubsidyPayment,
  reviewSubsidyApplication,
  settleSubsidyGrant,
  submitSubsidyApplication,
  submitSubsidyReport,
} from '#shared/routes/subsidy.ts';
import { getApplication } from '#shared/stores/subsidy/applications.ts';
import { recordsOfIdentifier } from '#shared/stores/subsidy/nationwide.ts';
import { seedLine } from '#test/integration/execution/support.ts';
import { committeeApproval, heldDecision, publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { problemOf } from '#test/support/problem.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * Every write that changes what the nationwide check reads moves the identifier's HEAD version, so a
 * 교부결정 whose check read the records before it fails 409 nationwide-check-stale (보조금법 §6③, §33):
 * a pending cut left by a late 실적보고, a 교부결정 취소 (the grant's amount in the support history), a
 * 반환 ordered by the 금액 확정, and a 반환 paid. Each time, 부산's decision for the same recipient is
 * held after its check, inside its ledger call, while 종로구 writes the change; then it is released.
 */
const year = 2026;
const A = '11110';
const B = '26110';
const LINE = 'E.GEN.P4.U1.D1.307-02';
const identity = {
  kind: 'group',
  name: '늘푸른 문화협회',
  businessNumber: '2158712341',
  representative: { name: '정대표', residentNumber: '700707-1234567' },
};
const officer = (gov: string): TestCaller => ({ sub: `dept-${gov}`, roles: ['department_official'], gov });
const budget = (gov: string): TestCaller => ({ sub: `budget-${gov}`, roles: ['budget_officer'], gov });
const recipient = (gov: string): TestCaller => ({ sub: 'rcp-neul', roles: ['subsidy_recipient'], gov });
const disbursing: TestCaller = { sub: `do-${A}`, roles: ['disbursing_officer'], gov: A };
const OVERRIDE = '다른 지역·다른 시기의 별개 행사(현장 확인)';

async function reviewed(gov: string, projectName: string, plan: string): Promise<string> {
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov, year, programId: 'CULTURE' },
    body: {
      identity,
      projectName,
      plan,
      costs: [{ item: '행사비', grant: 9_000_000, own: 1_000_000 }],
      amountAsked: 9_000_000,
      ownShare: 1_000_000,
      period: { start: `${year}-03-01`, end: `${year}-04-30` },
      submittedOn: `${year}-02-10`,
    },
    caller: recipient(gov),
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const id = applied.body.applicationId as string;
  const committee = committeeApproval(`${year}-02-20`, 9_000_000);
  const review = await callRoute(reviewSubsidyApplication, {
    params: { gov, year, applicationId: id },
    body: committee,
    caller: budget(gov),
  });
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  return id;
}

const decideIn = (gov: string, applicationId: string) =>
  callRoute(decideSubsidyGrant, {
    params: { gov, year, applicationId },
    body: { amount: 9_000_000, decidedOn: `${year}-11-20`, overrideReason: OVERRIDE },
    caller: officer(gov),
  });

/** 부산's decision, held after its nationwide check while `change` is written in 종로구, then released. */
async function decisionAcross(applicationId: string, change: () => Promise<void>): Promise<unknown> {
  const body = { amount: 9_000_000, decidedOn: `${year}-11-20`, conditions: [], overrideReason: OVERRIDE };
  const held = heldDecision(officer(B), { gov: B, year, applicationId }, body);
  expect(await held.checked, 'the decision reached its ledger call').toBe(true);
  await change();
  held.release();
  return problemOf(held.decision);
}

const stale = { status: 409, code: 'nationwide-check-stale' };

/** The HEAD version of the recipient's 사업자등록번호 and of its 대표자 (the person pseudonym). */
async function versions(): Promise<number[]> {
  const application = await getApplication(A, year, ids.paid);
  return Promise.all((application?.identifiers ?? []).map(async (identifier) => (await recordsOfIdentifier(identifier)).version));
}
const ids = { paid: '', unpaid: '', busan: '' };

describe('changes to what the nationwide check reads make a decision in flight stale (보조금법 §6③, §33)', () => {
  it('sets up a paid grant and an unpaid one in 종로구 and an application of the same recipient in 부산', async () => {
    for (const gov of [A, B]) {
      await seedLine({ gov, lineId: LINE, allotted: 100_000_000, itemCode: '307-02' });
      await publicCallProgram(gov, year, budget(gov), {
        programId: 'CULTURE',
        name: '지역 문화행사 지원',
        lineId: LINE,
        budget: 60_000_000,
      });
    }
    ids.paid = await reviewed(A, '봄맞이 마을 음악회', '주민 300명이 함께하는 봄맞이 마을 음악회를 엽니다.');
    ids.unpaid = await reviewed(A, '가을 전통 민속놀이 한마당', '어린이 100명에게 전통 민속놀이를 가르칩니다.');
    ids.busan = await reviewed(B, '해변 시 낭송회', '바닷가에서 시민 시 낭송회를 엽니다.');
    for (const id of [ids.paid, ids.unpaid]) {
      const decided = await callRoute(decideSubsidyGrant, {
        params: { gov: A, year, applicationId: id },
        body: { amount: 9_000_000, decidedOn: `${year}-02-25`, overrideReason: OVERRIDE },
        caller: officer(A),
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    }
    const params = { gov: A, year, applicationId: ids.paid };
    const requested = await callRoute(requestSubsidyPayment, {
      params,
      body: { amount: 9_000_000, requestedOn: `${year}-03-02`, evidence: [{ kind: 'other', reference: '교부신청서' }] },
      caller: recipient(A),
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const paid = await callRoute(paySubsidy, {
      params: { ...params, paymentId: requested.body.paymentId },
      body: { paidOn: `${year}-03-03` },
      caller: disbursing,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  });

  it('a late 실적보고 leaving a cut of the next grant (§17③)', async () => {
    const problem = await decisionAcross(ids.busan, async () => {
      // completed 30 April, due 30 June, submitted 31 October: 4 months late
      const reported = await callRoute(submitSubsidyReport, {
        params: { gov: A, year, applicationId: ids.paid },
        body: { submittedOn: `${year}-10-31`, completedOn: `${year}-04-30`, interest: 0 },
        caller: recipient(A),
      });
      expect(reported.body.report?.late, JSON.stringify(reported.body)).toMatchObject({ band: 1, monthsLate: 4 });
    });
    expect(problem).toMatchObject(stale);
  });

  it('a 교부결정 취소 cutting the grant in the support history (§11)', async () => {
    const problem = await decisionAcross(ids.busan, async () => {
      const cancelled = await callRoute(cancelSubsidyGrant, {
        params: { gov: A, year, applicationId: ids.unpaid },
        body: { ground: 'circumstances', amount: 3_000_000, reason: '행사 규모 축소', cancelledOn: `${year}-11-04` },
        caller: officer(A),
      });
      expect(cancelled.body.decision?.amount, JSON.stringify(cancelled.body)).toBe(6_000_000);
    });
    expect(problem).toMatchObject(stale);
  });

  it('a 반환 ordered by the 금액 확정 (§19, §31②); decided again, the recipient is suspended (§33)', async () => {
    const problem = await decisionAcross(ids.busan, async () => {
      const settled = await callRoute(settleSubsidyGrant, {
        params: { gov: A, year, applicationId: ids.paid },
        body: { fixedAmount: 6_000_000, interest: 0, settledOn: `${year}-11-05` },
        caller: officer(A),
      });
      expect(settled.body.settlement, JSON.stringify(settled.body)).toMatchObject({ returnDue: 3_000_000 });
    });
    expect(problem).toMatchObject(stale);
    expect((await decideIn(B, ids.busan)).body).toMatchObject({ status: 422, code: 'subsidy-returns-outstanding' });
  });

  // While a 반환 is outstanding no check passes (§33), so no decision can be in flight across its
  // payment; the payment still moves every identifier's version, and the next decision passes.
  it('a 반환 paid (§31): the versions move; decided again, the decision passes', async () => {
    const before = await versions();
    const returned = await callRoute(recordSubsidyReturn, {
      params: { gov: A, year, applicationId: ids.paid },
      body: { amount: 3_000_000, receivedOn: `${year}-11-10` },
      caller: disbursing,
    });
    expect(returned.body.state, JSON.stringify(returned.body)).toBe('closed');
    expect(await versions()).toEqual(before.map((version) => version + 1));
    const decided = await decideIn(B, ids.busan);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });
});
