import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import {
  cancelSubsidyGrant,
  decideSubsidyGrant,
  acceptSubsidyObjectionDecision,
  decideSubsidyObjection,
  fileSubsidyObjection,
  getNationalRecipientGrants,
  getSubsidyProgram,
  listNationalOutstandingReturns,
  paySubsidy,
  recordSubsidyExecution,
  recordSubsidyReturn,
  requestSubsidyPayment,
  reviewSubsidyApplication,
  submitSubsidyApplication,
} from '#shared/routes/subsidy.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { drainPostings, seedLine } from '#test/integration/execution/support.ts';
import { auditOperations, publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * 교부결정 취소 through the handlers (보조금법 §11, §12, §31①): a grant cancelled before any payment
 * gives its commitment back to the line; a paid grant cancelled for fraud is ordered back with its
 * interest and goes through the 반환 path; the refusals answer with their rule.
 */
const year = 2026;
const GOV = '41110';
const LINE = 'E.GEN.P2.U1.D1.307-02';
const REVENUE_LINE = 'R.GEN.226-01';
const officer: TestCaller = { sub: 'dept-41110', roles: ['department_official'], gov: GOV };
const budget: TestCaller = { sub: 'budget-41110', roles: ['budget_officer'], gov: GOV };
const disbursing: TestCaller = { sub: 'do-41110', roles: ['disbursing_officer'], gov: GOV };
const revenue: TestCaller = { sub: 'ro-41110', roles: ['revenue_officer'], gov: GOV };
const ministry: TestCaller = { sub: 'mois-1', roles: ['ministry'] };

async function committed(): Promise<number> {
  await drainPostings();
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: lineControlKey(GOV, year, LINE), ConsistentRead: true }),
  );
  return Number(Item?.committed ?? 0);
}

/** One recipient's application, reviewed and decided for 9백만원. */
async function decidedGrant(sub: string, businessNumber: string, name: string, rrn: string): Promise<{ id: string; caller: TestCaller }> {
  const caller: TestCaller = { sub, roles: ['subsidy_recipient'], gov: GOV };
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov: GOV, year, programId: 'FESTIVAL' },
    body: {
      identity: { kind: 'group', name, businessNumber, representative: { name: `${name} 대표`, residentNumber: rrn } },
      projectName: `${name} 마을 축제`,
      plan: `${name}이 주민 300명과 함께 가을 마을 축제를 엽니다. 공연 ${businessNumber.slice(0, 3)}회.`,
      costs: [{ item: '행사비', grant: 9_000_000, own: 1_000_000 }],
      amountAsked: 9_000_000,
      ownShare: 1_000_000,
      period: { start: `${year}-04-01`, end: `${year}-10-31` },
      submittedOn: `${year}-02-10`,
    },
    caller,
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const id = applied.body.applicationId as string;
  const reviewed = await callRoute(reviewSubsidyApplication, {
    params: { gov: GOV, year, applicationId: id },
    body: {
      meetingDate: `${year}-03-05`,
      registered: 9,
      present: ['m1', 'm2', 'm3', 'm4', 'm5'],
      recused: [],
      inFavour: 5,
      approvedAmount: 9_000_000,
      conditions: [],
    },
    caller: budget,
  });
  expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  const decided = await callRoute(decideSubsidyGrant, {
    params: { gov: GOV, year, applicationId: id },
    body: { amount: 9_000_000, decidedOn: `${year}-03-10`, overrideReason: '다른 마을의 별개 축제(현장 확인)' },
    caller: officer,
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return { id, caller };
}

const cancelBody = (body: Record<string, unknown>) => ({ reason: '사유서 첨부', cancelledOn: `${year}-09-01`, ...body });

describe('교부결정 취소 (보조금법 §11, §12) and the 반환 it orders (§31①)', () => {
  const grants = { storm: { id: '', caller: officer }, fraud: { id: '', caller: officer }, partial: { id: '', caller: officer } };

  it('sets up a 공모 and two decided grants (the commitments on the line)', async () => {
    await seedLine({ gov: GOV, lineId: LINE, allotted: 100_000_000, itemCode: '307-02' });
    await seedLine({ gov: GOV, lineId: REVENUE_LINE, kind: 'revenue', allotted: 0 });
    await publicCallProgram(GOV, year, budget, { programId: 'FESTIVAL', name: '마을 축제 지원', lineId: LINE, budget: 50_000_000 });
    grants.storm = await decidedGrant('rcp-storm', '1058765430', '해오름', '700707-1234567');
    grants.fraud = await decidedGrant('rcp-fraud', '2208112341', '달빛', '810808-2345678');
    expect(await committed()).toBe(18_000_000);
  });

  it('refuses a ground outside the law, more than decided, and a performed part on 사정변경', async () => {
    const params = { gov: GOV, year, applicationId: grants.storm.id };
    const unknown = await callRoute(cancelSubsidyGrant, {
      params,
      body: cancelBody({ ground: 'budget-shortage', amount: 1_000_000 }),
      caller: officer,
    });
    expect(unknown.body).toMatchObject({
      status: 422,
      code: 'cancellation-ground-not-allowed',
      context: { allowedGrounds: ['circumstances', 'other-use', 'violation', 'fraud', 'ordinance', 'withdrawn'] },
    });
    const over = await callRoute(cancelSubsidyGrant, {
      params,
      body: cancelBody({ ground: 'circumstances', amount: 9_000_001 }),
      caller: officer,
    });
    expect(over.body).toMatchObject({ status: 422, code: 'cancellation-exceeds-grant', context: { available: 9_000_000 } });
    const byRecipient = await callRoute(cancelSubsidyGrant, {
      params,
      body: cancelBody({ ground: 'circumstances', amount: 1_000_000 }),
      caller: grants.storm.caller,
    });
    expect(byRecipient.status).toBe(403);
  });

  it('cancels a grant not yet paid on 사정변경: closed, the commitment back on the line', async () => {
    const cancelled = await callRoute(cancelSubsidyGrant, {
      params: { gov: GOV, year, applicationId: grants.storm.id },
      body: cancelBody({ ground: 'circumstances', amount: 9_000_000, reason: '태풍 피해로 축제 개최 불가' }),
      caller: officer,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      state: 'closed',
      decision: { amount: 0 },
      cancellations: [
        {
          ground: 'circumstances',
          article: '보조금법 §11①②',
          decidedBefore: 9_000_000,
          decidedAfter: 0,
          unpaidReleased: 9_000_000,
          returnDue: 0,
          commitment: { status: 'released' },
        },
      ],
    });
    expect(await committed()).toBe(9_000_000);
    const again = await callRoute(cancelSubsidyGrant, {
      params: { gov: GOV, year, applicationId: grants.storm.id },
      body: cancelBody({ ground: 'circumstances', amount: 1 }),
      caller: officer,
    });
    expect(again.body).toMatchObject({ status: 409, code: 'subsidy-application-state', context: { state: 'closed', step: 'cancel' } });
  });

  it('cancels a paid grant for fraud: the paid money and its interest are ordered back and taken through the 반환 path', async () => {
    const params = { gov: GOV, year, applicationId: grants.fraud.id };
    const requested = await callRoute(requestSubsidyPayment, {
      params,
      body: { amount: 9_000_000, requestedOn: `${year}-04-02`, evidence: [{ kind: 'other', reference: '교부신청서' }] },
      caller: grants.fraud.caller,
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const paid = await callRoute(paySubsidy, {
      params: { ...params, paymentId: requested.body.paymentId },
      body: { paidOn: `${year}-04-03` },
      caller: disbursing,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const spent = await callRoute(recordSubsidyExecution, {
      params,
      body: {
        item: '행사비',
        source: 'grant',
        amount: 2_000_000,
        date: `${year}-05-10`,
        evidence: { kind: 'card-approval', reference: 'C-1' },
      },
      caller: grants.fraud.caller,
    });
    expect(spent.status, JSON.stringify(spent.body)).toBe(201);
    // 사정변경 cannot take back what was performed; fraud (§12①3) takes the whole
    const performed = await callRoute(cancelSubsidyGrant, {
      params,
      body: cancelBody({ ground: 'circumstances', amount: 7_000_001 }),
      caller: officer,
    });
    expect(performed.body).toMatchObject({ status: 422, code: 'cancellation-of-performed-part', context: { available: 7_000_000 } });
    const cancelled = await callRoute(cancelSubsidyGrant, {
      params,
      body: cancelBody({ ground: 'fraud', amount: 9_000_000, interest: 15_000, reason: '허위 견적서로 교부신청' }),
      caller: officer,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      state: 'settled',
      settlement: { fixed: 0, returnDue: 9_015_000 },
      cancellations: [
        { ground: 'fraud', article: '보조금법 §12①3', unpaidReleased: 0, returnDue: 9_015_000, commitment: { status: 'unchanged' } },
      ],
    });
    const outstanding = await callRoute(listNationalOutstandingReturns, { caller: ministry });
    expect(outstanding.body.items).toContainEqual(
      expect.objectContaining({ gov: GOV, applicationId: grants.fraud.id, outstanding: 9_015_000 }),
    );
    const returned = await callRoute(recordSubsidyReturn, {
      params,
      body: { amount: 9_015_000, receivedOn: `${year}-09-20`, revenueLineId: REVENUE_LINE },
      caller: revenue,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ state: 'closed', returned: 9_015_000, returns: [{ restored: 9_000_000 }] });
  });

  it('cuts a part-paid grant: the unpaid part leaves the commitment at once (지출원인행위 감액), the program total and the nationwide history fall', async () => {
    const before = await committed();
    grants.partial = await decidedGrant('rcp-part', '3128645210', '새벽', '920909-1234567');
    const params = { gov: GOV, year, applicationId: grants.partial.id };
    const requested = await callRoute(requestSubsidyPayment, {
      params,
      body: { amount: 4_000_000, requestedOn: `${year}-04-02`, evidence: [{ kind: 'other', reference: '교부신청서' }] },
      caller: grants.partial.caller,
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const paid = await callRoute(paySubsidy, {
      params: { ...params, paymentId: requested.body.paymentId },
      body: { paidOn: `${year}-04-03` },
      caller: disbursing,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(await committed()).toBe(before + 9_000_000);
    const cancelled = await callRoute(cancelSubsidyGrant, {
      params,
      body: cancelBody({ ground: 'circumstances', amount: 3_000_000, reason: '행사 규모 축소' }),
      caller: officer,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      state: 'decided',
      decision: { amount: 6_000_000 },
      cancellations: [
        { decidedBefore: 9_000_000, decidedAfter: 6_000_000, unpaidReleased: 3_000_000, returnDue: 0, commitment: { status: 'released' } },
      ],
    });
    // 9,000,000 committed − 3,000,000 released; the 4,000,000 resolved for the payment stays on the commitment
    expect(await committed()).toBe(before + 6_000_000);
    // 교부 합계: 9M + 9M decided, both cancelled whole, then 9M cut by 3M
    const program = await callRoute(getSubsidyProgram, { params: { gov: GOV, year, programId: 'FESTIVAL' }, caller: budget });
    expect(program.body).toMatchObject({ budget: 50_000_000, decided: 6_000_000 });
    const history = await callRoute(getNationalRecipientGrants, { params: { idKind: 'brn', idValue: '3128645210' }, caller: ministry });
    expect(history.body.items).toEqual([expect.objectContaining({ gov: GOV, applicationId: grants.partial.id, amount: 6_000_000 })]);
  });

  it('takes an 이의신청 within 20 days of the cut’s notice and decides it once (보조금법 §36의2)', async () => {
    const params = { gov: GOV, year, applicationId: grants.partial.id };
    const objection = (filedOn: string, caller: TestCaller = grants.partial.caller) =>
      callRoute(fileSubsidyObjection, {
        params,
        body: { subject: 'cancellation', noticeOn: `${year}-09-01`, filedOn, grounds: '축소 사유가 사실과 다릅니다' },
        caller,
      });
    expect((await objection(`${year}-09-22`)).body).toMatchObject({
      status: 422,
      code: 'objection-period-passed',
      context: { numbers: { lastDay: `${year}-09-21` } },
    });
    expect((await objection(`${year}-09-21`, grants.fraud.caller)).status).toBe(403);
    const filed = await objection(`${year}-09-21`);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.objections).toEqual([expect.objectContaining({ subject: 'cancellation', status: 'pending', filedBy: 'rcp-part' })]);
    const decide = (objectionNo: number) =>
      callRoute(decideSubsidyObjection, {
        params: { ...params, objectionNo },
        body: { decidedOn: `${year}-10-05`, outcome: 'dismissed', heard: '보조사업자 대표 (10월 2일 의견진술)', measures: '감액 유지' },
        caller: officer,
      });
    const decided = await decide(1);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.objections[0]).toMatchObject({ status: 'decided', decision: { outcome: 'dismissed', decidedBy: 'dept-41110' } });
    expect(decided.body.objections[0].decision.acceptBy).toBeUndefined();
    expect((await decide(1)).body).toMatchObject({ status: 409, code: 'objection-decided' });
    expect((await decide(2)).body).toMatchObject({ status: 404, code: 'objection-not-found' });
  });

  it('wrote the audit record of each cancellation', async () => {
    expect(await auditOperations(GOV, 'subsidy.grant.cancel')).toHaveLength(3);
  });
});

describe('an objection to the 교부 결정 not accepted in time: the application counts as withdrawn (보조금법 §36의2③ 후단)', () => {
  const grants = { kept: { id: '', caller: officer }, lapsed: { id: '', caller: officer } };
  const objectAndDecide = async (grant: { id: string; caller: TestCaller }) => {
    const params = { gov: GOV, year, applicationId: grant.id };
    const filed = await callRoute(fileSubsidyObjection, {
      params,
      body: { subject: 'decision', noticeOn: `${year}-03-10`, filedOn: `${year}-03-20`, grounds: '신청액보다 적게 결정되었습니다' },
      caller: grant.caller,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const decided = await callRoute(decideSubsidyObjection, {
      params: { ...params, objectionNo: 1 },
      body: { decidedOn: `${year}-04-01`, outcome: 'dismissed', heard: '보조사업자 대표 (3월 28일)', measures: '결정액 유지' },
      caller: officer,
    });
    expect(decided.body.objections[0].decision).toMatchObject({ acceptBy: `${year}-04-21` });
  };
  const accept = (grant: { id: string; caller: TestCaller }, acceptedOn: string, objectionNo = 1) =>
    callRoute(acceptSubsidyObjectionDecision, {
      params: { gov: GOV, year, applicationId: grant.id, objectionNo },
      body: { acceptedOn },
      caller: grant.caller,
    });
  const requestOn = (grant: { id: string; caller: TestCaller }, requestedOn: string) =>
    callRoute(requestSubsidyPayment, {
      params: { gov: GOV, year, applicationId: grant.id },
      body: { amount: 1_000_000, requestedOn, evidence: [{ kind: 'other', reference: '교부신청서' }] },
      caller: grant.caller,
    });

  it('accepts by acceptBy, once; the grant goes on', async () => {
    grants.kept = await decidedGrant('rcp-keep', '4108123403', '들꽃', '750505-1234567');
    await objectAndDecide(grants.kept);
    const accepted = await accept(grants.kept, `${year}-04-21`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.objections[0]).toMatchObject({ acceptedOn: `${year}-04-21` });
    expect((await accept(grants.kept, `${year}-04-21`)).body).toMatchObject({ status: 409, code: 'objection-acceptance-not-asked' });
    expect((await requestOn(grants.kept, `${year}-05-02`)).status).toBe(201);
  });

  it('refuses an acceptance after acceptBy, then payment requests and spending dated later; on acceptBy they still pass', async () => {
    grants.lapsed = await decidedGrant('rcp-lapse', '5137246800', '솔바람', '760606-2345678');
    await objectAndDecide(grants.lapsed);
    expect((await accept(grants.lapsed, `${year}-04-22`)).body).toMatchObject({
      status: 422,
      code: 'objection-acceptance-late',
      context: { numbers: { acceptBy: `${year}-04-21`, acceptedOn: `${year}-04-22` } },
    });
    expect((await accept(grants.lapsed, `${year}-04-20`, 2)).body).toMatchObject({ status: 404, code: 'objection-not-found' });
    expect((await requestOn(grants.lapsed, `${year}-04-21`)).status).toBe(201);
    expect((await requestOn(grants.lapsed, `${year}-04-22`)).body).toMatchObject({
      status: 409,
      code: 'application-deemed-withdrawn',
      context: { numbers: { acceptBy: `${year}-04-21`, on: `${year}-04-22`, objectionNo: 1 } },
    });
    const spent = await callRoute(recordSubsidyExecution, {
      params: { gov: GOV, year, applicationId: grants.lapsed.id },
      body: {
        item: '행사비',
        source: 'own',
        amount: 100_000,
        date: `${year}-05-01`,
        evidence: { kind: 'e-tax-invoice', reference: 'T-9' },
      },
      caller: grants.lapsed.caller,
    });
    expect(spent.body).toMatchObject({ status: 409, code: 'application-deemed-withdrawn' });
  });

  it('records the lapse as a cancellation for the whole decision, only after acceptBy: the commitment goes back', async () => {
    const before = await committed();
    const lapse = (cancelledOn: string, amount: number) =>
      callRoute(cancelSubsidyGrant, {
        params: { gov: GOV, year, applicationId: grants.lapsed.id },
        body: { ground: 'withdrawn', amount, reason: '이의신청 조치 미수락 (철회 간주)', cancelledOn },
        caller: officer,
      });
    expect((await lapse(`${year}-04-21`, 9_000_000)).body).toMatchObject({ status: 422, code: 'withdrawal-not-deemed' });
    expect((await lapse(`${year}-04-22`, 8_000_000)).body).toMatchObject({ status: 422, code: 'withdrawal-not-deemed' });
    const lapsed = await lapse(`${year}-04-22`, 9_000_000);
    expect(lapsed.status, JSON.stringify(lapsed.body)).toBe(200);
    expect(lapsed.body).toMatchObject({
      state: 'closed',
      cancellations: [{ ground: 'withdrawn', article: '보조금법 §36의2③ 후단', unpaidReleased: 9_000_000, returnDue: 0 }],
    });
    expect(await committed()).toBe(before - 9_000_000);
  });
});
