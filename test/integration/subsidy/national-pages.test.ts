import { describe, expect, it } from 'vitest';
import type { Route } from '#shared/http/route.ts';
import {
  getNationalRecipientGrants,
  listNationalOutstandingReturns,
  listNationalSubsidyExclusions,
  listNationalSubsidyFlags,
} from '#shared/routes/subsidy.ts';
import { exclusionItems, flagItem, historyItems, returnItems } from '#shared/stores/subsidy/nationwide.ts';
import type { ApplicationRecord, ExclusionRecord } from '#shared/stores/subsidy/records.ts';
import { transact } from '#shared/stores/table/transact.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * The ministry's nationwide lists a page at a time (`limit` + the opaque `nextCursor`), as the other
 * paged routes: every entry once across the pages, a cursor of another list refused.
 */
const ministry: TestCaller = { sub: 'mois-1', roles: ['ministry'] };
const BRN = '1234567891';
const application = (n: number) =>
  ({
    gov: `4${String(n).padStart(4, '0')}`,
    applicationId: `A${String(n).padStart(10, '0')}`,
    recipientId: `rcp-${n}`,
    projectName: `사업 ${n}`,
    identifiers: [{ kind: 'brn', value: BRN }],
  }) as unknown as ApplicationRecord;
const exclusion = (n: number): ExclusionRecord => ({
  gov: '41110',
  exclusionId: `X${String(n).padStart(10, '0')}`,
  party: 'recipient',
  ground: 'fraud',
  count: 1,
  from: `2026-0${n}-01`,
  until: `2031-0${n}-01`,
  reductionMonths: 0,
  article: '보조금법 §32①1; 보조금령 §19①1',
  name: `배제 ${n}`,
  identifiers: [{ kind: 'brn', value: `99999999${n}0` }],
  violation: '허위 증빙',
  registeredAt: `2026-0${n}-01T00:00:00.000Z`,
});

/** Every item of a list, following nextCursor with `limit` 2; the pages it took. */
async function allPages(route: Route, params?: Record<string, string>): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const answer = await callRoute(route, {
      ...(params ? { params } : {}),
      query: { limit: '2', ...(cursor ? { cursor } : {}) },
      caller: ministry,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(2);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  return { items, pages };
}

describe('the nationwide lists, a page at a time', () => {
  it('seeds five of each list', async () => {
    for (let n = 1; n <= 5; n++) {
      const grant = application(n);
      const outcome = await transact({
        history: historyItems(grant, {
          gov: grant.gov,
          applicationId: grant.applicationId,
          projectName: grant.projectName,
          decidedOn: `2026-0${n}-10`,
          amount: 1_000_000 * n,
        } as never),
        flag: flagItem(grant, `2026-0${n}-10T00:00:00.000Z`, {
          gov: grant.gov,
          applicationId: grant.applicationId,
          overrideReason: '확인',
        }),
        // the fifth return is paid: it is not outstanding
        returns: returnItems(grant, n === 5 ? 0 : 100 * n),
        exclusion: exclusionItems(exclusion(n)),
      });
      expect(outcome.ok).toBe(true);
    }
  });

  it('lists every entry once across pages of 2, and stops', async () => {
    const grants = await allPages(getNationalRecipientGrants, { idKind: 'brn', idValue: BRN });
    expect(grants.items.map((item) => item.applicationId)).toEqual([1, 2, 3, 4, 5].map((n) => application(n).applicationId));
    expect(grants.pages).toBeGreaterThanOrEqual(3);
    const flags = await allPages(listNationalSubsidyFlags);
    expect(flags.items).toHaveLength(5);
    expect(new Set(flags.items.map((item) => item.applicationId)).size).toBe(5);
    const exclusions = await allPages(listNationalSubsidyExclusions);
    expect(exclusions.items.map((item) => item.exclusionId)).toEqual([1, 2, 3, 4, 5].map((n) => exclusion(n).exclusionId));
    expect(exclusions.items[0]).toHaveProperty('active');
    const returns = await allPages(listNationalOutstandingReturns);
    expect(returns.items.map((item) => item.outstanding).sort()).toEqual([100, 200, 300, 400]);
    expect(returns.pages).toBeGreaterThanOrEqual(2);
  });

  it('answers one page by default, and refuses a cursor of another list or a forged one', async () => {
    const whole = await callRoute(listNationalSubsidyFlags, { caller: ministry });
    expect(whole.body.items).toHaveLength(5);
    expect(whole.body).not.toHaveProperty('nextCursor');
    const first = await callRoute(listNationalSubsidyFlags, { query: { limit: '2' }, caller: ministry });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const foreign = await callRoute(listNationalSubsidyExclusions, {
      query: { limit: '2', cursor: first.body.nextCursor },
      caller: ministry,
    });
    expect(foreign.body).toMatchObject({ status: 400, code: 'invalid-cursor' });
    const forged = await callRoute(listNationalOutstandingReturns, { query: { cursor: 'not-a-cursor' }, caller: ministry });
    expect(forged.body).toMatchObject({ status: 400, code: 'invalid-cursor' });
    const zero = await callRoute(listNationalOutstandingReturns, { query: { limit: '0' }, caller: ministry });
    expect(zero.status).toBe(400);
  });
});
