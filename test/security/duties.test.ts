import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Route } from '#shared/http/route.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { createBudgetVersion, editBudgetLines, getBudgetVersion, transitionBudgetVersion } from '#shared/routes/budget.ts';
import { createCommitment, orderPayment, resolvePayment } from '#shared/routes/execution.ts';
import { callers as budgetCallers, expenditure, setUpStructure } from '#test/integration/budget/support.ts';
import { drainPostings, queueDepth, seedCash, seedLine } from '#test/integration/execution/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * The rules about persons, through the real routes: a second person must approve what the first
 * requested (4-eyes), and the person who committed may not order the payment (segregation of
 * duties). The person is the token's subject: other roles, another department or another token
 * shape do not make them someone else. A refusal changes nothing and leaves no audit record.
 */
const GOV = '11000';
const sha256 = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');
/** A period around now that a run across midnight (UTC) still falls into. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function auditTrail(): Promise<
  { subject: string; role: string; operation: string; target: string; bodySha256: string; sourceIp: string; requestId: string }[]
> {
  const head: TestCaller = { sub: `head-${GOV}`, roles: ['head'], gov: GOV };
  const listing = await callRoute(listAuditRecords, {
    params: { gov: GOV },
    query: { from: day(-1), to: day(1), limit: '1000' },
    caller: head,
  });
  expect(listing.status).toBe(200);
  return listing.body.items;
}

describe('4-eyes on budget-version steps', () => {
  const year = 2027;
  const params = { gov: GOV, year, version: 0 };
  const c = budgetCallers(GOV);

  it('refuses the approval by the subject who took the previous step, however the token presents them', async () => {
    await setUpStructure(GOV);
    expect(
      (await callRoute(createBudgetVersion, { params: { gov: GOV, year }, body: { kind: 'original' }, caller: c.budgetOfficer })).status,
    ).toBe(201);
    const lines = await callRoute(editBudgetLines, {
      params,
      body: { revision: 0, upsert: [expenditure()] },
      caller: c.departmentOfficial,
    });
    expect(lines.status).toBe(200);
    const request = await callRoute(transitionBudgetVersion, {
      params,
      body: { action: 'request', revision: lines.body.revision },
      caller: c.budgetOfficer,
    });
    expect(request.status).toBe(200);
    const adjust = { action: 'adjust', revision: request.body.revision };

    const sameOfficer = await callRoute(transitionBudgetVersion, { params, body: adjust, caller: c.budgetOfficer });
    expect(sameOfficer.status).toBe(403);
    expect(sameOfficer.body.code).toBe('four-eyes');
    const sameWithMoreRoles = { ...c.budgetOfficer, roles: ['head', 'budget_officer'], dept: 'D200' } as TestCaller;
    expect((await callRoute(transitionBudgetVersion, { params, body: adjust, caller: sameWithMoreRoles })).body.code).toBe('four-eyes');
    const sameSubjectElsewhere = { ...c.budgetOfficer, gov: '26000' };
    expect((await callRoute(transitionBudgetVersion, { params, body: adjust, caller: sameSubjectElsewhere })).body.code).toBe(
      'other-government',
    );

    const unchanged = await callRoute(getBudgetVersion, { params, caller: c.head });
    expect(unchanged.body).toMatchObject({ state: 'requested', revision: request.body.revision });

    const second = await callRoute(transitionBudgetVersion, { params, body: adjust, caller: c.otherBudgetOfficer });
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('adjusted');

    const trail = await auditTrail();
    const adjustments = trail.filter((record) => record.bodySha256 === sha256(adjust));
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0]).toMatchObject({ subject: c.otherBudgetOfficer.sub, role: 'budget_officer', sourceIp: '127.0.0.1' });
    expect(trail.filter((record) => record.subject === c.budgetOfficer.sub && record.bodySha256 === sha256(adjust))).toEqual([]);
    expect(trail.find((record) => record.bodySha256 === sha256({ action: 'request', revision: lines.body.revision }))).toMatchObject({
      subject: c.budgetOfficer.sub,
      role: 'budget_officer',
    });
  });
});

describe('segregation of duties on payments', () => {
  const year = 2026;
  const committer: TestCaller = { sub: 'fo-lee', roles: ['finance_officer'], gov: GOV, dept: 'D100' };
  const disbursing: TestCaller = { sub: 'do-park', roles: ['disbursing_officer'], gov: GOV };
  let keys = 0;
  const post = (route: Route, caller: TestCaller, params: Record<string, string>, body: unknown) =>
    callRoute(route, { params: { gov: GOV, year, ...params }, body, caller, headers: { 'Idempotency-Key': `duties-${++keys}` } });

  it('refuses the payment order of the official who committed, whatever role their token names; another official may order it', async () => {
    await seedLine({ lineId: 'road-repair', allotted: 10_000_000 });
    await seedCash('2026-03', 5_000_000);
    const commit = await post(
      createCommitment,
      committer,
      {},
      { lineId: 'road-repair', amount: 2_000_000, counterparty: '123-45-67890', contractRef: 'C-77', date: '2026-03-02' },
    );
    expect(commit.status).toBe(202);
    await drainPostings();
    const resolve = await post(
      resolvePayment,
      committer,
      { commitmentId: commit.body.postingId },
      { amount: 2_000_000, date: '2026-03-03' },
    );
    expect(resolve.status).toBe(202);
    await drainPostings();

    const order = { amount: 2_000_000, date: '2026-03-04' };
    // A token holding both 재무관 and 지출원 is refused before anything else (겸직, 지방회계법 제36조) ...
    const holdingBoth: TestCaller = { ...committer, roles: ['finance_officer', 'disbursing_officer'] };
    const byCommitter = await post(orderPayment, holdingBoth, { resolutionId: resolve.body.postingId }, order);
    expect(byCommitter.status).toBe(403);
    expect(byCommitter.body).toMatchObject({ code: 'concurrent-roles-not-allowed', context: { article: '지방회계법 제36조' } });
    // ... and the committer with a 지출원's token alone is refused on the transaction (the same person).
    const asDisbursingOnly: TestCaller = { ...committer, roles: ['disbursing_officer'], dept: 'D900' };
    expect((await post(orderPayment, asDisbursingOnly, { resolutionId: resolve.body.postingId }, order)).body.code).toBe(
      'segregation-of-duties',
    );
    expect(await queueDepth()).toBe(0);

    const byOther = await post(orderPayment, disbursing, { resolutionId: resolve.body.postingId }, order);
    expect(byOther.status).toBe(202);
    expect(await queueDepth()).toBe(1);
    await drainPostings();

    const trail = await auditTrail();
    expect(trail.filter((record) => record.subject === committer.sub && record.bodySha256 === sha256(order))).toEqual([]);
    // the order is on record twice, both by the other official: accepted by the API, applied by the consumer
    expect(trail.filter((record) => record.bodySha256 === sha256(order))).toEqual([
      expect.objectContaining({ subject: 'do-park', role: 'disbursing_officer' }),
      expect.objectContaining({ subject: 'do-park', role: 'disbursing_officer' }),
    ]);
  });
});
