import { now } from '#shared/clock.ts';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  createSubsidyProgram,
  decideSubsidyGrant,
  getNationalRecipientGrants,
  getSubsidyApplication,
  listMySubsidyApplications,
  listNationalOutstandingReturns,
  listNationalSubsidyExclusions,
  listNationalSubsidyFlags,
  paySubsidy,
  recordSubsidyExecution,
  recordSubsidyReturn,
  listSubsidyPublishedNames,
  registerSubsidyExclusion,
  requestSubsidyAllocationChange,
  decideSubsidyAllocationChange,
  requestSubsidyPayment,
  reviewSubsidyApplication,
  settleSubsidyGrant,
  submitSubsidyApplication,
  submitSubsidyReport,
} from '#shared/routes/subsidy.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { applicationKey, piiKey } from '#shared/stores/subsidy/keys.ts';
import { drainPostings, seedLine } from '#test/integration/execution/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * The whole cycle through the handlers on the embedded stack: a grant in 부산 (26000) is the
 * "project elsewhere"; 종로구 (11110) runs a 공모 with two applications, one a renamed near-duplicate
 * of the 부산 project by the same 대표자 (flagged with its score), and an excluded company that
 * changed its name is refused by its 사업자등록번호. Then 심의 → 교부결정 → 교부 → 집행 → 실적보고 →
 * 정산 → 반환 of the unspent part.
 */
const year = 2026;
const A = '11110';
const B = '26000';
const LINE = 'E.GEN.P1.U1.D1.307-02';
const RRN_KIM = '800101-1234567';
const RRN_LEE = '750505-2345678';

const officer = (gov: string): TestCaller => ({ sub: `dept-${gov}`, roles: ['department_official'], gov });
const budget = (gov: string): TestCaller => ({ sub: `budget-${gov}`, roles: ['budget_officer'], gov });
const disbursing: TestCaller = { sub: 'do-11110', roles: ['disbursing_officer'], gov: A };
const revenue: TestCaller = { sub: 'ro-11110', roles: ['revenue_officer'], gov: A };
const ministry: TestCaller = { sub: 'mois-1', roles: ['ministry'] };
const recipient = (sub: string, gov: string): TestCaller => ({ sub, roles: ['subsidy_recipient'], gov });
const busanYouth = recipient('rcp-busan-youth', B);
const renamedYouth = recipient('rcp-new-youth', A);
const seniors = recipient('rcp-seniors', A);
const renamedExcluded = recipient('rcp-renamed', A);

const programBody = (programId: string) => ({
  programId,
  name: '청소년·어르신 공동체 활동 지원',
  lineId: LINE,
  budget: 50_000_000,
  minOwnShareBp: 1000,
  eligibleKinds: ['corporation', 'group'],
  selection: { kind: 'public-call', opensOn: `${year}-02-01`, closesOn: `${year}-02-28` },
});

const youthPlan = '관내 중학생 100명을 대상으로 직업체험 캠프를 운영하여 진로 탐색을 돕습니다. 강사 10명과 체험처 5곳을 섭외합니다.';
const application = (
  identity: Record<string, unknown>,
  projectName: string,
  plan: string,
  period = { start: `${year}-03-01`, end: `${year}-10-31` },
) => ({
  identity,
  projectName,
  plan,
  costs: [
    { item: '강사비', grant: 6_000_000, own: 1_000_000 },
    { item: '재료비', grant: 3_000_000, own: 0 },
  ],
  amountAsked: 9_000_000,
  ownShare: 1_000_000,
  period,
  submittedOn: `${year}-02-10`,
});
const committee = (inFavour = 5) => ({
  meetingDate: `${year}-03-05`,
  registered: 9,
  present: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'],
  recused: ['m6'],
  inFavour,
  approvedAmount: 9_000_000,
  conditions: ['사업 종료 후 결과보고회 개최'],
});

describe('지방보조금 from 공모 to 반환, with the nationwide checks', () => {
  const ids = { busan: '', near: '', clean: '', excluded: '', second: '' };

  it('sets up the 보조금 lines and a grant in 부산 (the project elsewhere)', async () => {
    await seedLine({ gov: A, lineId: LINE, allotted: 500_000_000, itemCode: '307-02' });
    await seedLine({ gov: B, lineId: LINE, allotted: 500_000_000, itemCode: '307-02' });
    const created = await callRoute(createSubsidyProgram, { params: { gov: B, year }, body: programBody('YOUTH-B'), caller: budget(B) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const applied = await callRoute(submitSubsidyApplication, {
      params: { gov: B, year, programId: 'YOUTH-B' },
      body: application(
        {
          kind: 'corporation',
          name: '(사)푸른청소년',
          businessNumber: '1234567891',
          corporateNumber: '1101112345670',
          representative: { name: '김대표', residentNumber: RRN_KIM },
        },
        '청소년 진로체험 캠프',
        youthPlan,
      ),
      caller: busanYouth,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    ids.busan = applied.body.applicationId;
    expect(
      (
        await callRoute(reviewSubsidyApplication, {
          params: { gov: B, year, applicationId: ids.busan },
          body: committee(),
          caller: budget(B),
        })
      ).status,
    ).toBe(200);
    const decided = await callRoute(decideSubsidyGrant, {
      params: { gov: B, year, applicationId: ids.busan },
      body: { amount: 9_000_000, decidedOn: `${year}-03-10` },
      caller: officer(B),
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.decision.flags).toEqual([]);
  });

  it('registers an exclusion in 부산 by 사업자등록번호 (보조금법 §32), never publishing the name by itself (§30③)', async () => {
    const body = {
      party: 'recipient',
      ground: 'fraud',
      count: 1,
      from: `${year}-01-15`,
      violation: '허위 증빙으로 보조금 교부',
      identity: { name: '(주)옛이름', businessNumber: '3141592650', representative: { name: '박옛날', residentNumber: RRN_LEE } },
    };
    // the old flag published without notice, statement or committee: 명단 공표 is its own case now
    const bypass = await callRoute(registerSubsidyExclusion, { params: { gov: B }, body: { ...body, publish: true }, caller: budget(B) });
    expect(bypass.body).toMatchObject({ status: 400, code: 'invalid-request' });
    const registered = await callRoute(registerSubsidyExclusion, { params: { gov: B }, body, caller: budget(B) });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body).toMatchObject({ until: '2031-01-14', article: '보조금법 §32①1; 보조금령 §19①1' });
    expect(JSON.stringify(registered.body)).not.toContain('750505');
  });

  it('opens a 공모 in 종로구 and takes three applications, each recipient seeing only its own', async () => {
    expect(
      (await callRoute(createSubsidyProgram, { params: { gov: A, year }, body: programBody('COMMUNITY-A'), caller: officer(A) })).status,
    ).toBe(201);
    const submit = (caller: TestCaller, body: unknown) =>
      callRoute(submitSubsidyApplication, { params: { gov: A, year, programId: 'COMMUNITY-A' }, body, caller });
    // same 대표자 as the 부산 grant, new name and a new 사업자등록번호: related by the person, not the name
    const near = await submit(
      renamedYouth,
      application(
        {
          kind: 'group',
          name: '새푸른 청소년 모임',
          businessNumber: '1058765430',
          representative: { name: '김대표', residentNumber: RRN_KIM },
        },
        '청소년진로체험캠프 운영',
        '관내 중학생 120명을 대상으로 직업 체험 캠프를 운영하여 진로탐색을 돕습니다. 강사 10명과 체험처 5곳을 섭외합니다.',
        { start: `${year}-05-01`, end: `${year}-12-31` },
      ),
    );
    expect(near.status, JSON.stringify(near.body)).toBe(201);
    ids.near = near.body.applicationId;
    const clean = await submit(
      seniors,
      application(
        {
          kind: 'group',
          name: '행복경로당 운영위원회',
          businessNumber: '2208112341',
          representative: { name: '최회장', residentNumber: '600303-1456789' },
        },
        '경로당 건강체조 교실',
        '어르신 40명을 대상으로 주 2회 건강체조와 낙상 예방 교육을 운영합니다. 강사 2명을 위촉합니다.',
      ),
    );
    expect(clean.status, JSON.stringify(clean.body)).toBe(201);
    ids.clean = clean.body.applicationId;
    const excluded = await submit(
      renamedExcluded,
      application(
        {
          kind: 'corporation',
          name: '(주)새이름',
          businessNumber: '3141592650',
          corporateNumber: '1345119876549',
          representative: { name: '정신규', residentNumber: '900909-1567890' },
        },
        '마을 축제 운영',
        '마을 주민 500명이 참여하는 가을 축제를 운영하고 지역 상품 장터를 엽니다.',
      ),
    );
    expect(excluded.status, JSON.stringify(excluded.body)).toBe(201);
    ids.excluded = excluded.body.applicationId;

    const closed = await submit(seniors, {
      ...application({ kind: 'group', name: 'x', representative: { name: 'y', residentNumber: RRN_LEE } }, '늦은 신청', youthPlan),
      submittedOn: `${year}-03-01`,
    });
    expect(closed.body).toMatchObject({ status: 409, code: 'public-call-closed' });
    const lowShare = await submit(seniors, {
      ...application({ kind: 'group', name: 'x', representative: { name: 'y', residentNumber: RRN_LEE } }, '자부담 부족', youthPlan),
      costs: [{ item: '강사비', grant: 9_000_000, own: 999_999 }],
      ownShare: 999_999,
    });
    expect(lowShare.body).toMatchObject({ status: 422, code: 'own-share-below-minimum' });

    const others = await callRoute(getSubsidyApplication, { params: { gov: A, year, applicationId: ids.near }, caller: seniors });
    expect(others.body).toMatchObject({ status: 403, code: 'not-own-application' });
    const mine = await callRoute(listMySubsidyApplications, { caller: seniors });
    expect(mine.body.items.map((item: { applicationId: string }) => item.applicationId)).toEqual([ids.clean]);
  });

  it('records the committee (quorum without recused members) and refuses a decision before it', async () => {
    const early = await callRoute(decideSubsidyGrant, {
      params: { gov: A, year, applicationId: ids.clean },
      body: { amount: 9_000_000, decidedOn: `${year}-03-09` },
      caller: officer(A),
    });
    expect(early.body).toMatchObject({ status: 422, code: 'committee-review-required' });
    const noQuorum = await callRoute(reviewSubsidyApplication, {
      params: { gov: A, year, applicationId: ids.clean },
      body: { ...committee(3), present: ['m1', 'm2', 'm3', 'm4', 'm5'], recused: ['m5'] },
      caller: budget(A),
    });
    expect(noQuorum.body).toMatchObject({
      status: 422,
      code: 'committee-quorum-not-met',
      context: { numbers: { registered: 9, voting: 4 } },
    });
    for (const key of ['clean', 'near', 'excluded'] as const) {
      const reviewed = await callRoute(reviewSubsidyApplication, {
        params: { gov: A, year, applicationId: ids[key] },
        body: committee(),
        caller: budget(A),
      });
      expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
      expect(reviewed.body.state).toBe('reviewed');
    }
  });

  it('refuses the excluded company under its new name, by its 사업자등록번호, with the ground and period', async () => {
    const refused = await callRoute(decideSubsidyGrant, {
      params: { gov: A, year, applicationId: ids.excluded },
      body: { amount: 9_000_000, decidedOn: `${year}-03-10` },
      caller: officer(A),
    });
    expect(refused.body).toMatchObject({
      status: 422,
      code: 'recipient-excluded',
      context: { matchedBy: '사업자등록번호 3141592650', ground: 'fraud', from: `${year}-01-15`, until: '2031-01-14', excludedBy: B },
    });
  });

  it('flags the near-duplicate with the 부산 project and its score; a decision over it records the reason', async () => {
    const params = { gov: A, year, applicationId: ids.near };
    const held = await callRoute(decideSubsidyGrant, {
      params,
      body: { amount: 9_000_000, decidedOn: `${year}-03-10` },
      caller: officer(A),
    });
    expect(held.status, JSON.stringify(held.body)).toBe(409);
    expect(held.body.code).toBe('similar-grant-unresolved');
    const [flag] = held.body.context.flags;
    expect(flag).toMatchObject({
      gov: B,
      applicationId: ids.busan,
      projectName: '청소년 진로체험 캠프',
      matchedBy: ['대표자/본인 (주민등록번호 확인)'],
    });
    expect(flag.score).toBeGreaterThanOrEqual(0.7);
    const reason = '부산 사업은 10월 종료되고 대상 학교가 다름(현장 확인)';
    const decided = await callRoute(decideSubsidyGrant, {
      params,
      body: { amount: 8_000_000, decidedOn: `${year}-03-10`, overrideReason: reason },
      caller: officer(A),
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.decision).toMatchObject({ amount: 8_000_000, overrideReason: reason, flags: [{ applicationId: ids.busan }] });
    expect(decided.body.allocation.reduce((sum: number, line: { grant: number }) => sum + line.grant, 0)).toBe(8_000_000);
    // the recipient sees its grant, not the other recipient's project
    const seen = await callRoute(getSubsidyApplication, { params, caller: renamedYouth });
    expect(seen.body.decision).toMatchObject({ flags: [], flagged: 1 });
    expect(seen.body.decision).not.toHaveProperty('overrideReason');
    const flags = await callRoute(listNationalSubsidyFlags, { caller: ministry });
    expect(flags.body.items).toContainEqual(expect.objectContaining({ gov: A, applicationId: ids.near, overrideReason: reason }));
  });

  it('decides the clean application: commitment on the line, obligations listed', async () => {
    const decided = await callRoute(decideSubsidyGrant, {
      params: { gov: A, year, applicationId: ids.clean },
      body: { amount: 9_000_000, decidedOn: `${year}-03-10`, conditions: ['결과보고회 개최'] },
      caller: officer(A),
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.decision.commitmentId).toMatch(/.+/);
    expect(decided.body.decision.obligations).toEqual([
      { kind: 'disclosure', due: `${year + 1}-04-30`, article: '보조금법 §20의2①; 보조금령 §11의2①②' },
    ]);
    await drainPostings();
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: tableName(), Key: lineControlKey(A, year, LINE), ConsistentRead: true }),
    );
    expect(Item?.committed).toBe(17_000_000);
  });

  it('pays against the recipient’s request (교부신청 → 교부), never more than decided', async () => {
    const params = { gov: A, year, applicationId: ids.clean };
    const over = await callRoute(requestSubsidyPayment, {
      params,
      body: { amount: 9_000_001, requestedOn: `${year}-03-15`, evidence: [{ kind: 'other', reference: '선금 요청서' }] },
      caller: seniors,
    });
    expect(over.body).toMatchObject({ status: 422, code: 'payment-exceeds-grant' });
    const requested = await callRoute(requestSubsidyPayment, {
      params,
      body: { amount: 9_000_000, requestedOn: `${year}-03-15`, evidence: [{ kind: 'other', reference: '선금 요청서' }] },
      caller: seniors,
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const paid = await callRoute(paySubsidy, {
      params: { ...params, paymentId: requested.body.paymentId },
      body: { paidOn: `${year}-03-16` },
      caller: disbursing,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ state: 'paid', amount: 9_000_000 });
    expect(paid.body.orderId).toMatch(/.+/);
    const again = await callRoute(paySubsidy, {
      params: { ...params, paymentId: requested.body.paymentId },
      body: { paidOn: `${year}-03-16` },
      caller: disbursing,
    });
    expect(again.body).toMatchObject({ status: 409, code: 'payment-request-settled' });
  });

  it('records executions against the approved allocation, grant and own money apart', async () => {
    const params = { gov: A, year, applicationId: ids.clean };
    const execute = (body: Record<string, unknown>) =>
      callRoute(recordSubsidyExecution, {
        params,
        body: { date: `${year}-05-10`, evidence: { kind: 'card-approval', reference: 'CARD-77' }, ...body },
        caller: seniors,
      });
    expect((await execute({ item: '강사비', source: 'grant', amount: 5_000_000 })).status).toBe(201);
    expect((await execute({ item: '강사비', source: 'own', amount: 1_000_000 })).status).toBe(201);
    expect((await execute({ item: '강사비', source: 'grant', amount: 1_000_001 })).body).toMatchObject({
      status: 422,
      code: 'execution-exceeds-allocation',
      context: { available: 1_000_000, numbers: { allocated: 6_000_000, executed: 5_000_000 } },
    });
    expect((await execute({ item: '식비', source: 'grant', amount: 100_000 })).body.code).toBe('execution-exceeds-allocation');
    // a change of the allocation counts only once approved (보조금법 §14)
    const change = await callRoute(requestSubsidyAllocationChange, {
      params,
      body: {
        costs: [
          { item: '강사비', grant: 6_000_000, own: 1_000_000 },
          { item: '재료비', grant: 2_500_000, own: 0 },
          { item: '식비', grant: 500_000, own: 0 },
        ],
        reason: '체험 인원 증가로 식비 신설',
      },
      caller: seniors,
    });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    expect((await execute({ item: '식비', source: 'grant', amount: 100_000 })).body.code).toBe('execution-exceeds-allocation');
    expect((await callRoute(decideSubsidyAllocationChange, { params, body: { approve: true }, caller: officer(A) })).status).toBe(200);
    expect((await execute({ item: '식비', source: 'grant', amount: 100_000 })).status).toBe(201);
  });

  // Dated before the tests' pinned today (2026-11-30, test/support/clock.ts): no posting may be dated in the future.
  it('takes the 실적보고 within 2 months, settles, and takes back the unspent part before 31 December (반납)', async () => {
    const params = { gov: A, year, applicationId: ids.clean };
    const reported = await callRoute(submitSubsidyReport, {
      params,
      body: { submittedOn: `${year}-11-15`, completedOn: `${year}-10-31`, interest: 10_000 },
      caller: seniors,
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body.report).toMatchObject({ dueDate: `${year}-12-31`, late: { band: 0 }, spentGrant: 5_100_000, spentOwn: 1_000_000 });
    const settled = await callRoute(settleSubsidyGrant, {
      params,
      body: { fixedAmount: 5_100_000, interest: 10_000, settledOn: `${year}-11-25` },
      caller: officer(A),
    });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    expect(settled.body).toMatchObject({ state: 'settled', settlement: { fixed: 5_100_000, returnDue: 3_910_000 } });
    const outstanding = await callRoute(listNationalOutstandingReturns, { caller: ministry });
    expect(outstanding.body.items).toContainEqual(expect.objectContaining({ gov: A, applicationId: ids.clean, outstanding: 3_910_000 }));
    // an unpaid 반환 suspends every further grant to the same recipient (보조금법 §33)
    const second = await callRoute(submitSubsidyApplication, {
      params: { gov: A, year, programId: 'COMMUNITY-A' },
      body: application(
        {
          kind: 'group',
          name: '행복경로당 운영위원회',
          businessNumber: '2208112341',
          representative: { name: '최회장', residentNumber: '600303-1456789' },
        },
        '어르신 스마트폰 교실',
        '어르신 30명에게 스마트폰 사용법과 금융사기 예방을 가르치는 교실을 엽니다. 강사 1명을 위촉합니다.',
      ),
      caller: seniors,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    ids.second = second.body.applicationId;
    expect(
      (
        await callRoute(reviewSubsidyApplication, {
          params: { gov: A, year, applicationId: ids.second },
          body: committee(),
          caller: budget(A),
        })
      ).status,
    ).toBe(200);
    const suspended = await callRoute(decideSubsidyGrant, {
      params: { gov: A, year, applicationId: ids.second },
      body: { amount: 9_000_000, decidedOn: `${year}-11-26` },
      caller: officer(A),
    });
    expect(suspended.body).toMatchObject({ status: 422, code: 'subsidy-returns-outstanding', context: { outstanding: 3_910_000 } });
    const tooMuch = await callRoute(recordSubsidyReturn, {
      params,
      body: { amount: 3_910_001, receivedOn: `${year}-11-27` },
      caller: revenue,
    });
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'return-exceeds-due' });
    const returned = await callRoute(recordSubsidyReturn, {
      params,
      body: { amount: 3_910_000, receivedOn: `${year}-11-27` },
      caller: revenue,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'closed',
      returned: 3_910_000,
      returns: [{ destination: { kind: 'restore-line', year, article: '지방회계법 §27②' }, ledgerStatus: 'posted' }],
    });
    // 반납 against the grant's paid order (execution's return posting), the interest part as revenue if any
    const [record] = returned.body.returns;
    expect(record.restored).toBeGreaterThan(0);
    expect(record.postingIds.length).toBeGreaterThan(0);
    const after = await callRoute(listNationalOutstandingReturns, { caller: ministry });
    expect(after.body.items.filter((item: { applicationId: string }) => item.applicationId === ids.clean)).toEqual([]);
    const resumed = await callRoute(decideSubsidyGrant, {
      params: { gov: A, year, applicationId: ids.second },
      body: { amount: 9_000_000, decidedOn: `${year}-11-28` },
      caller: officer(A),
    });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
  });

  it('gives the ministry each recipient’s grants across governments and the exclusion register', async () => {
    const grants = await callRoute(getNationalRecipientGrants, { params: { idKind: 'brn', idValue: '1234567891' }, caller: ministry });
    expect(grants.body.items).toEqual([expect.objectContaining({ gov: B, applicationId: ids.busan, amount: 9_000_000 })]);
    const register = await callRoute(listNationalSubsidyExclusions, { caller: ministry });
    expect(register.body.items).toContainEqual(expect.objectContaining({ gov: B, ground: 'fraud', active: true }));
    // onPublicList follows a published 명단 공표 case that names the exclusion; none was decided here
    expect(register.body.items.every((item: Record<string, unknown>) => item.onPublicList === false && !('publish' in item))).toBe(true);
    // registered, not published: no 명단 공표 case was decided in 부산
    const shown = await callRoute(listSubsidyPublishedNames, { params: { gov: B }, query: { on: `${year}-11-30` } });
    expect(shown.body.items).toEqual([]);
    expect(JSON.stringify(register.body)).not.toContain('750505');
  });

  it('keeps the 주민등록번호 in the restricted item only, and never answers it to anyone', async () => {
    const { Item } = await dynamoClient().send(
      new GetCommand({ TableName: tableName(), Key: applicationKey(A, year, ids.near), ConsistentRead: true }),
    );
    expect(JSON.stringify(Item)).not.toContain('800101');
    const pii = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: piiKey(A, year, ids.near), ConsistentRead: true }));
    expect(pii.Item?.residentNumber).toBe(RRN_KIM);
    for (const caller of [officer(A), budget(A), ministry, renamedYouth]) {
      const seen = await callRoute(getSubsidyApplication, { params: { gov: A, year, applicationId: ids.near }, caller });
      expect(seen.status).toBe(200);
      expect(JSON.stringify(seen.body)).not.toMatch(/800101|1234567$/);
      expect(seen.body).not.toHaveProperty('identifiers');
    }
    const history = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'SUBSIDY-ID#brn#1234567891' },
      }),
    );
    expect(JSON.stringify(history.Items)).not.toContain('800101');
  });

  it('wrote an audit record with every change', async () => {
    const month = now().toISOString().slice(0, 7);
    const { Items = [] } = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${A}#${month}` },
      }),
    );
    const operations = new Set(Items.map((item) => item.operation));
    for (const operation of [
      'subsidy.program.create',
      'subsidy.application.submit',
      'subsidy.application.review',
      'subsidy.grant.decide',
      'subsidy.payment.request',
      'subsidy.payment.pay',
      'subsidy.execution.record',
      'subsidy.allocation.request',
      'subsidy.allocation.approve',
      'subsidy.report.submit',
      'subsidy.grant.settle',
      'subsidy.return.record',
    ]) {
      expect(operations, operation).toContain(operation);
    }
  });
});
