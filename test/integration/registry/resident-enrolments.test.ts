import { describe, expect, it } from 'vitest';
import { listAuditRecords } from '#shared/routes/audit.ts';
import {
  createParticipationCycle,
  getMyParticipationRecords,
  listParticipationProposals,
  submitParticipationProposal,
} from '#shared/routes/participation.ts';
import {
  decideResidentEnrolment,
  getMyResidentEnrolment,
  listResidentEnrolments,
  requestResidentEnrolment,
} from '#shared/routes/registry.ts';
import { findStanding } from '#shared/stores/registry/resident-enrolments.ts';
import { registrationCacheMs } from '#shared/wiring/machine-client-registry.ts';
import { residentGovernmentLookup } from '#shared/wiring/resident-registry.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * Issue #19, finding 10: residents' onboarding on the embedded stack. A resident asks to be enrolled
 * in a government; its 예산부서 approves after an identity check (its reference only) or refuses;
 * the approved enrolment, not the token, is the resident's government, and a move replaces it.
 */
const A = '11110'; // 종로구
const B = '11140'; // 중구
const year = 2028;
const officerOf = (gov: string): TestCaller => ({ sub: `bo-${gov}`, roles: ['budget_officer'], gov });
// The token claims government A: it is never read for a resident.
const resident = (sub: string): TestCaller => ({ sub, roles: ['resident'], gov: A });
const mover = resident('res-mover');
const refused = resident('res-refused');

for (const gov of [A, B]) {
  const opened = await callRoute(createParticipationCycle, {
    params: { gov, year },
    body: { voteLimit: 2, budgetCap: 100_000_000 },
    caller: officerOf(gov),
  });
  if (opened.status !== 201) throw new Error(JSON.stringify(opened.body));
}

const propose = (caller: TestCaller, gov: string, title: string) =>
  callRoute(submitParticipationProposal, {
    params: { gov, year },
    body: { title, description: `${title}: 주민 제안 사업 설명입니다.`, estimatedCost: 1_000_000, field: '060' },
    caller,
  });
const ask = (caller: TestCaller, gov: string) => callRoute(requestResidentEnrolment, { caller, body: { gov } });
const decide = (caller: TestCaller, gov: string, enrolmentId: string, body: object) =>
  callRoute(decideResidentEnrolment, { caller, params: { gov, enrolmentId }, body });
const approve = (gov: string, enrolmentId: string, reference = 'PASS-20261130-000123') =>
  decide(officerOf(gov), gov, enrolmentId, { outcome: 'approve', identityCheckReference: reference });
const mine = async (caller: TestCaller) => (await callRoute(getMyResidentEnrolment, { caller })).body;
const enrolments = async (gov: string, status?: string) =>
  (await callRoute(listResidentEnrolments, { caller: officerOf(gov), params: { gov }, ...(status ? { query: { status } } : {}) })).body
    .items as { enrolmentId: string; status: string; supersededBy?: string }[];

const ids: Record<string, string> = {};

describe("residents' onboarding through the API", () => {
  it('a new resident acts for no government, whatever the token claims, until an enrolment is approved', async () => {
    expect(await propose(mover, A, '가로등 설치')).toMatchObject({ status: 403, body: { code: 'other-government' } });
    expect(await mine(mover)).toEqual({ gov: null, since: null, pending: null, lastDecision: null });
  });

  it('takes a request naming the government only, one at a time, and shows it to that government’s 예산부서 without the subject', async () => {
    const asked = await ask(mover, A);
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ gov: A, status: 'pending' });
    expect(asked.body).not.toHaveProperty('subject');
    ids.first = asked.body.enrolmentId;
    expect(await ask(mover, B)).toMatchObject({ status: 409, body: { code: 'enrolment-pending', context: { gov: A } } });
    expect(await ask(mover, '99999')).toMatchObject({ status: 400, body: { code: 'invalid-request' } });
    expect((await mine(mover)).pending).toMatchObject({ enrolmentId: ids.first, gov: A });

    const listed = await enrolments(A, 'pending');
    expect(listed.map((e) => e.enrolmentId)).toContain(ids.first);
    expect(JSON.stringify(listed)).not.toContain('res-mover');
    expect(await enrolments(B)).toEqual([]);
  });

  it('lets only that government’s 예산부서 decide, and refuses a 주민등록번호 as the check’s reference, changing nothing', async () => {
    const other = await decide(officerOf(B), A, ids.first!, { outcome: 'approve', identityCheckReference: 'PASS-12345' });
    expect(other).toMatchObject({ status: 403, body: { code: 'other-government' } });
    const onOwnPath = await decide(officerOf(B), B, ids.first!, { outcome: 'approve', identityCheckReference: 'PASS-12345' });
    expect(onOwnPath).toMatchObject({ status: 404, body: { code: 'enrolment-not-found' } });
    const finance = await decide({ sub: 'fo', roles: ['finance_officer'], gov: A }, A, ids.first!, {
      outcome: 'approve',
      identityCheckReference: 'PASS-12345',
    });
    expect(finance).toMatchObject({ status: 403, body: { code: 'role-not-permitted' } });
    expect((await callRoute(requestResidentEnrolment, { caller: officerOf(A), body: { gov: A } })).status).toBe(403);

    expect(await approve(A, ids.first!, '900101-1234567')).toMatchObject({ status: 422, body: { code: 'personal-data-in-reference' } });
    expect(await approve(A, ids.first!, '9001011234567')).toMatchObject({ status: 422, body: { code: 'personal-data-in-reference' } });
    expect(await decide(officerOf(A), A, ids.first!, { outcome: 'approve' })).toMatchObject({
      status: 400,
      body: { code: 'invalid-request' },
    });
    expect(await decide(officerOf(A), A, ids.first!, { outcome: 'refuse', reason: '홍길동 주소 불일치' })).toMatchObject({ status: 400 });
    expect((await enrolments(A, 'pending')).map((e) => e.enrolmentId)).toContain(ids.first);
    expect((await findStanding('res-mover'))?.gov).toBeUndefined();
  });

  it('approves after the identity check: the resident then acts for that government only; a second decision is 409', async () => {
    const approved = await approve(A, ids.first!);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: `bo-${A}`, identityCheckReference: 'PASS-20261130-000123' });
    expect(await propose(mover, A, '가로등 설치')).toMatchObject({ status: 201 });
    expect(await propose(mover, B, '쉼터 설치')).toMatchObject({ status: 403, body: { code: 'other-government' } });
    expect(await mine(mover)).toMatchObject({ gov: A, pending: null, lastDecision: { enrolmentId: ids.first, outcome: 'approved' } });
    expect(await approve(A, ids.first!)).toMatchObject({ status: 409, body: { code: 'enrolment-already-decided' } });
    expect(await ask(mover, A)).toMatchObject({ status: 409, body: { code: 'already-enrolled' } });
  });

  it('refuses with a reason from the list: the resident stays of no government and may ask again', async () => {
    const asked = await ask(refused, A);
    const decided = await decide(officerOf(A), A, asked.body.enrolmentId, { outcome: 'refuse', reason: 'not-resident' });
    expect(decided).toMatchObject({ status: 200, body: { status: 'refused', reason: 'not-resident' } });
    expect(await propose(refused, A, '벤치 설치')).toMatchObject({ status: 403, body: { code: 'other-government' } });
    expect(await mine(refused)).toMatchObject({ gov: null, pending: null, lastDecision: { outcome: 'refused', reason: 'not-resident' } });
    expect(await ask(refused, A)).toMatchObject({ status: 201 });
  });

  it('moves a resident approved in another government: the old enrolment is superseded, the earlier proposal stays where it was made', async () => {
    const asked = await ask(mover, B);
    expect(asked.status).toBe(201);
    // Until B decides, the resident is still A's.
    expect(await propose(mover, A, '꽃길 조성')).toMatchObject({ status: 201 });
    expect((await approve(B, asked.body.enrolmentId)).status).toBe(200);
    expect(await propose(mover, B, '쉼터 설치')).toMatchObject({ status: 201 });
    expect(await propose(mover, A, '도서관 확장')).toMatchObject({ status: 403, body: { code: 'other-government' } });
    expect(await mine(mover)).toMatchObject({ gov: B });
    expect((await enrolments(A)).find((e) => e.enrolmentId === ids.first)).toMatchObject({
      status: 'superseded',
      supersededBy: asked.body.enrolmentId,
    });
    // What they proposed in A stays in A's cycle; their own records there are A's residents' only.
    const inA = await callRoute(listParticipationProposals, { params: { gov: A, year } });
    expect(inA.body.items.map((p: { title: string }) => p.title).sort()).toEqual(['가로등 설치', '꽃길 조성']);
    expect((await callRoute(getMyParticipationRecords, { params: { gov: A, year }, caller: mover })).status).toBe(403);
  });

  it('writes an audit record of every request and decision in the government’s trail, with the check’s reference nowhere in it', async () => {
    const audit = await callRoute(listAuditRecords, {
      caller: { sub: 'ca', roles: ['chief_accountant'], gov: A },
      params: { gov: A },
      query: { from: '2026-01-01', to: '2026-12-31', limit: '1000' },
    });
    const records = (audit.body.items as { operation: string; target: string; subject: string }[]).filter((r) =>
      r.operation.startsWith('resident-enrolment.'),
    );
    const first = records.filter((r) => r.target === `resident-enrolment ${ids.first}`).map((r) => [r.operation, r.subject]);
    expect(first.sort()).toEqual([
      ['resident-enrolment.approve', `bo-${A}`],
      ['resident-enrolment.request', 'res-mover'],
    ]);
    expect(records.filter((r) => r.operation === 'resident-enrolment.refuse').map((r) => r.subject)).toEqual([`bo-${A}`]);
    expect(JSON.stringify(audit.body)).not.toContain('PASS-20261130');
  });
});

describe("the resident's government lookup", () => {
  it('caches the registry’s answer for a minute per instance, and forgets it on a decision there', async () => {
    let clock = 0;
    let reads = 0;
    let gov: string | undefined = A;
    const lookup = residentGovernmentLookup(
      async () => {
        reads += 1;
        return { gov };
      },
      () => clock,
    );
    expect(await lookup('r')).toBe(A);
    gov = B;
    clock = registrationCacheMs - 1;
    expect(await lookup('r')).toBe(A);
    clock = registrationCacheMs;
    expect(await lookup('r')).toBe(B);
    gov = undefined;
    lookup.forget('r');
    expect(await lookup('r')).toBeUndefined();
    expect(reads).toBe(3);
  });
});
