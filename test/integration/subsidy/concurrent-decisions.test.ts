import { describe, expect, it } from 'vitest';
import { decideGrant } from '#shared/application/subsidy/decide-grant.ts';
import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { decideSubsidyGrant, reviewSubsidyApplication, submitSubsidyApplication } from '#shared/routes/subsidy.ts';
import { seedLine } from '#test/integration/execution/support.ts';
import { publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { problemOf } from '#test/support/problem.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * The nationwide check is a read, the 교부결정 a later write: two governments deciding grants for
 * the same recipient at the same moment both read a history without the other. The decision is
 * written only if each identifier's version is still the one its check read, so the second write
 * fails (409 nationwide-check-stale) and, decided again, is flagged with the grant that won.
 * The interleaving is forced, not timed: the first decision is held inside its ledger call (after
 * the check, before the write) while the second runs to the end.
 */
const year = 2026;
const LINE = 'E.GEN.P1.U1.D1.307-02';
const govs = ['11110', '26110'] as const;
const recipientIdentity = {
  kind: 'group',
  name: '한마음 풍물단',
  businessNumber: '4108123403',
  representative: { name: '박대표', residentNumber: '720202-1234567' },
};
const officerOf = (gov: string): TestCaller => ({ sub: `dept-${gov}`, roles: ['department_official'], gov });

async function reviewedApplication(gov: string): Promise<string> {
  const budget: TestCaller = { sub: `budget-${gov}`, roles: ['budget_officer'], gov };
  await seedLine({ gov, lineId: LINE, allotted: 100_000_000, itemCode: '307-02' });
  await publicCallProgram(gov, year, budget, { programId: 'ARTS', name: '전통예술 공연 지원', lineId: LINE, budget: 50_000_000 });
  const applied = await callRoute(submitSubsidyApplication, {
    params: { gov, year, programId: 'ARTS' },
    body: {
      identity: recipientIdentity,
      projectName: '정월대보름 풍물 공연',
      plan: '한마음 풍물단이 정월대보름에 주민 500명 앞에서 풍물 공연과 지신밟기를 합니다.',
      costs: [{ item: '공연비', grant: 9_000_000, own: 1_000_000 }],
      amountAsked: 9_000_000,
      ownShare: 1_000_000,
      period: { start: `${year}-03-01`, end: `${year}-03-31` },
      submittedOn: `${year}-02-10`,
    },
    caller: { sub: 'rcp-hanmaum', roles: ['subsidy_recipient'], gov },
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const id = applied.body.applicationId as string;
  const reviewed = await callRoute(reviewSubsidyApplication, {
    params: { gov, year, applicationId: id },
    body: {
      meetingDate: `${year}-02-20`,
      registered: 5,
      present: ['m1', 'm2', 'm3'],
      recused: [],
      inFavour: 3,
      approvedAmount: 9_000_000,
      conditions: [],
    },
    caller: budget,
  });
  expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
  return id;
}

const requestOf = (caller: TestCaller): RequestInfo => ({
  requestId: `race-${caller.gov}`,
  sourceIp: '127.0.0.1',
  bodySha256: '',
  receivedAt: new Date().toISOString(),
  caller: { sub: caller.sub, roles: caller.roles, gov: caller.gov, dept: undefined } as RequestInfo['caller'],
  actingRole: 'department_official',
  headers: {},
});

describe('two governments decide grants for the same recipient at once (보조금법 §6③)', () => {
  it('lets one pass; the other fails stale and, decided again, is flagged with the winner and its score', async () => {
    const [first, second] = [await reviewedApplication(govs[0]), await reviewedApplication(govs[1])];
    let release: () => void = () => undefined;
    let checked: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inLedger = new Promise<void>((resolve) => {
      checked = resolve;
    });
    // the first decision is held after its nationwide check, inside the commitment posting
    const holding: SubsidyLedger = {
      ...postingLedger,
      commit: async (input) => {
        checked();
        await held;
        return postingLedger.commit(input);
      },
    };
    const body = { amount: 9_000_000, decidedOn: `${year}-02-25`, conditions: [] };
    const slow = decideGrant({ request: requestOf(officerOf(govs[0])), gov: govs[0], year, applicationId: first }, body, holding);
    await inLedger;

    const fast = await callRoute(decideSubsidyGrant, {
      params: { gov: govs[1], year, applicationId: second },
      body: { amount: 9_000_000, decidedOn: `${year}-02-25` },
      caller: officerOf(govs[1]),
    });
    expect(fast.status, JSON.stringify(fast.body)).toBe(200);
    expect(fast.body.decision.flags).toEqual([]);

    release();
    expect(await problemOf(slow)).toMatchObject({ status: 409, code: 'nationwide-check-stale' });

    const again = () =>
      callRoute(decideSubsidyGrant, {
        params: { gov: govs[0], year, applicationId: first },
        body: { amount: 9_000_000, decidedOn: `${year}-02-25` },
        caller: officerOf(govs[0]),
      });
    const flagged = await again();
    expect(flagged.body).toMatchObject({ status: 409, code: 'similar-grant-unresolved' });
    expect(flagged.body.context.flags).toEqual([
      expect.objectContaining({ gov: govs[1], applicationId: second, matchedBy: expect.arrayContaining([expect.any(String)]) }),
    ]);
    expect(flagged.body.context.flags[0].score).toBeGreaterThan(0.5);
  });
});
