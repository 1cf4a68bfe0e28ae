import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/auth/roles.ts';
import { now } from '#shared/clock.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { routes } from '#shared/routes/index.ts';
import { allocateCash, allotBudget } from '#shared/routes/budget.ts';
import { expenditure, finalBudget, reserve, revenue, setUpStructure } from '#test/integration/budget/support.ts';
import { drainPostings } from '#test/integration/execution/support.ts';
import { auditTrailOf } from '#test/support/audit-trail.ts';
import { sampleRequest, YEAR } from '#test/security/route-samples.ts';
import { callRoute } from '#test/support/api.ts';
import type { CallOptions, TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * Every state change carries its audit record: each write route is called with its valid sample by
 * an admitted role (in declaration order, so that earlier calls set up later ones); whenever the
 * table changed, the change must include an audit record of exactly this request (subject, role,
 * government, source IP, body hash), and a refused request must change nothing at all.
 */
const GOV = '11000';
const SOURCE_IP = '203.0.113.9';
type Item = Record<string, unknown>;

async function scan(): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  let start: Item | undefined;
  do {
    const page = await dynamoClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) items.set(`${item.pk}\u0000${item.sk}`, JSON.stringify(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The items a call changed or removed, audit items aside (the trail lists them: `recorded`). */
function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
  const removed = [...before.keys()].filter((key) => !after.has(key));
  return [...changed, ...removed].filter((key) => !key.startsWith('AUDIT#'));
}

/**
 * The government's audit trail as its listing reads it: the audit items, and the items that are their
 * own record (a posting's request and its applied RESULT, issue #21), by their JSON.
 */
async function trail(): Promise<Set<string>> {
  const months = [now(), new Date()].map((at) => at.toISOString().slice(0, 7));
  return new Set((await auditTrailOf(GOV, months)).map((record) => JSON.stringify(record)));
}

/** The records a call added to the trail. */
const recorded = (before: Set<string>, after: Set<string>): Item[] =>
  [...after].filter((record) => !before.has(record)).map((record) => JSON.parse(record) as Item);

/**
 * A final budget with one expenditure and one revenue line, allotted and with cash, so that the
 * execution chain can run; the documents each call creates feed the calls after it.
 */
const EXPENDITURE_LINE = 'E.GEN.P01.U01.D001.201-01';
const REVENUE_LINE = 'R.GEN.1.ACQTAX';
const created: Record<string, string> = {};
const budgetOfficer: TestCaller = { sub: 'setup-bo', roles: ['budget_officer'], gov: GOV };

beforeAll(async () => {
  await setUpStructure(GOV);
  await finalBudget(GOV, YEAR, 'original', [expenditure({ amount: 49_500_000 }), reserve(500_000), revenue({ amount: 50_000_000 })]);
  const allot = { lineId: EXPENDITURE_LINE, quarter: 1, amount: 20_000_000, kind: 'regular', reference: 'SETUP-ALLOT' };
  expect((await callRoute(allotBudget, { params: { gov: GOV, year: YEAR }, body: allot, caller: budgetOfficer })).status).toBe(201);
  const cash = { fund: 'GEN', month: `${YEAR}-03`, amount: 10_000_000, reference: 'SETUP-CASH' };
  expect((await callRoute(allocateCash, { params: { gov: GOV, year: YEAR }, body: cash, caller: budgetOfficer })).status).toBe(201);
});

const date = (day: number) => `${YEAR}-03-${String(day).padStart(2, '0')}`;
const withParams = (params: Record<string, string | number>) => ({ params: { year: YEAR, ...params } });

/** Requests of this test that differ from the route samples: real lines, documents created earlier. */
const overrides: Record<string, () => Partial<CallOptions>> = {
  allotBudget: () => ({ body: { lineId: EXPENDITURE_LINE, quarter: 2, amount: 1_000_000, kind: 'regular', reference: 'ALLOT-1' } }),
  reverseAllotment: () => withParams({ allotmentId: created.allotBudget ?? 'A.missing' }),
  allocateCash: () => ({ body: { fund: 'GEN', month: `${YEAR}-04`, amount: 1_000_000, reference: 'CASH-1' } }),
  reverseCashAllocation: () => withParams({ allocationId: created.allocateCash ?? 'C.missing' }),
  createCommitment: () => ({
    body: { lineId: EXPENDITURE_LINE, amount: 2_000_000, counterparty: '(주)가나다상사', contractRef: 'C-1', date: date(2) },
  }),
  resolvePayment: () => ({
    ...withParams({ commitmentId: created.createCommitment ?? 'missing-commitment' }),
    body: { amount: 2_000_000, date: date(3) },
  }),
  orderPayment: () => ({
    ...withParams({ resolutionId: created.resolvePayment ?? 'missing-resolution' }),
    body: { amount: 2_000_000, date: date(4) },
  }),
  confirmPayment: () => ({
    ...withParams({ orderId: created.orderPayment ?? 'missing-order-1' }),
    body: { date: date(5), bankReference: 'TX-1' },
  }),
  assessRevenue: () => ({ body: { lineId: REVENUE_LINE, amount: 120_000, payer: '홍길동', dueDate: `${YEAR}-04-30`, date: date(6) } }),
  noticeRevenue: () => ({
    ...withParams({ assessmentId: created.assessRevenue ?? 'missing-assessment' }),
    body: { dueDate: `${YEAR}-04-30`, date: date(7) },
  }),
  receiveRevenue: () => ({
    ...withParams({ assessmentId: created.assessRevenue ?? 'missing-assessment' }),
    body: { amount: 120_000, date: date(8) },
  }),
  refundRevenue: () => ({
    ...withParams({ receiptId: created.receiveRevenue ?? 'missing-receipt-1' }),
    body: { amount: 10_000, date: date(9), reason: '과오납' },
  }),
  cancelCommitment: () => withParams({ commitmentId: created.createCommitment ?? 'missing-commitment' }),
  reduceCommitment: () => withParams({ commitmentId: created.createCommitment ?? 'missing-commitment' }),
  correctPosting: () => withParams({ postingId: created.confirmPayment ?? 'missing-posting' }),
  recordCarryOver: () => withParams({ lineId: EXPENDITURE_LINE }),
  recordDebtRepayment: () => ({ params: { debtId: 'LB2026-01' } }),
  reverseDebtRepayment: () => ({ params: { debtId: 'LB2026-01', reference: 'R-1' } }),
};

/** The id of what a successful call created, for the calls that refer to it. */
const createdId = (body: Record<string, unknown>): string | undefined =>
  [body.postingId, body.allotmentId, body.allocationId].find((id): id is string => typeof id === 'string');

const summary: string[] = [];
afterAll(() => console.log(`audit coverage of write routes:\n  ${summary.join('\n  ')}`));

describe('audit coverage: every change through a write route carries its audit record', () => {
  for (const route of routes.filter((r) => r.method !== 'GET')) {
    it(`${route.id}`, async () => {
      const sample = sampleRequest(route, GOV);
      expect(sample, `no sample request for ${route.id}`).toBeDefined();
      const override = overrides[route.id]?.() ?? {};
      const request: CallOptions = { ...sample, ...override, params: { ...sample?.params, ...override.params, gov: GOV } };
      const role: Role | undefined = route.access.kind === 'public' ? undefined : route.access.roles[0];
      const caller: TestCaller | undefined = role && { sub: `audit-${route.id}`, roles: [role], gov: GOV, dept: 'finance' };
      const before = await scan();
      const trailBefore = await trail();
      const response = await callRoute(route, { ...request, ...(caller ? { caller } : {}), sourceIp: SOURCE_IP });
      const id = response.status < 400 ? createdId(response.body ?? {}) : undefined;
      if (id) created[route.id] = id;
      // A posting is accepted (202) and applied by the postings consumer, which writes the change
      // with its audit record: apply it before looking, so that the next posting can also refer to it.
      const accepted = response.status === 202 && route.id !== 'requestClosing';
      const onAcceptance = accepted ? { data: changes(before, await scan()), audit: recorded(trailBefore, await trail()) } : undefined;
      if (response.status === 202) await drainPostings();
      const data = changes(before, await scan());
      const audit = recorded(trailBefore, await trail());

      if (response.status >= 400) {
        expect({ data, audit }, `${route.id} refused (${response.status} ${response.body?.code}) but changed the table`).toEqual({
          data: [],
          audit: [],
        });
        summary.push(`${route.id}: refused ${response.status} ${response.body?.code}, nothing changed`);
        return;
      }
      if (data.length === 0 && audit.length === 0) {
        summary.push(`${route.id}: ${response.status}, nothing changed`);
        return;
      }
      const rawBody = request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body));
      expect(audit, `${route.id} changed ${data.join(', ')} without an audit record`).not.toEqual([]);
      for (const record of audit) {
        expect(record).toMatchObject({
          gov: GOV,
          subject: caller?.sub ?? 'anonymous',
          role: role ?? 'system',
          sourceIp: SOURCE_IP,
          bodySha256: createHash('sha256').update(rawBody).digest('hex'),
        });
        expect(record.requestId).toEqual(expect.any(String));
        expect(record.operation).toEqual(expect.any(String));
        expect(record.target).toEqual(expect.any(String));
      }
      // Since issue #21 the acceptance is its own record: the stored request, listed at once.
      if (onAcceptance && onAcceptance.data.length > 0) {
        expect(onAcceptance.audit, `${route.id} accepted a posting without recording the acceptance`).not.toEqual([]);
      }
      const unaudited = onAcceptance && onAcceptance.audit.length === 0 ? ' (nothing stored on acceptance)' : '';
      summary.push(`${route.id}: ${response.status}, ${data.length} item(s) changed, ${audit.length} audit record(s)${unaudited}`);
    });
  }
});
