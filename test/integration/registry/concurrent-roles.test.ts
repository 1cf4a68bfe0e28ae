import { describe, expect, it } from 'vitest';
import { listContracts } from '#shared/routes/contract.ts';
import { getConcurrentRoles, putConcurrentRoles } from '#shared/routes/registry.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * 겸직 through the HTTP API: a token holding two duties the law keeps apart (지방회계법 제23조, 제36조)
 * is refused on every operation until its government records an exception the law allows (시행령 제25조:
 * 징수관 and 현금출납 in a 관서 of at most 5) naming that official in that office.
 */
const GOV = '11110';
const chief: TestCaller = { sub: 'ca-jung', roles: ['chief_accountant'], gov: GOV };
const collectorAndCashier: TestCaller = { sub: 'Rev-Kim', roles: ['revenue_officer', 'treasury_bank'], gov: GOV, dept: 'D-small' };
const financeAndDisbursing: TestCaller = { sub: 'fo-oh', roles: ['finance_officer', 'disbursing_officer'], gov: GOV, dept: 'D-small' };
const smallOffice = { pair: 'collection-and-cash', office: 'D-small', subjects: ['rev-kim '], reference: '회계과-2026-0412' };
/** The 관서' 정원 as recorded: D-small at the 시행령 제25조 limit, D-six one above it. */
const offices = [
  { office: 'D-small', headcount: 5, reference: '정원규칙 별표 1' },
  { office: 'D-six', headcount: 6, reference: '정원규칙 별표 1' },
];

const put = (body: object, caller: TestCaller = chief) => callRoute(putConcurrentRoles, { caller, params: { gov: GOV }, body });
const readContracts = (caller: TestCaller) => callRoute(listContracts, { caller, params: { gov: GOV } });

describe('겸직 as a per-government configuration', () => {
  it('refuses a caller holding 징수관 and 현금출납 by default, on reads and writes alike', async () => {
    const refused = await readContracts(collectorAndCashier);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'concurrent-roles-not-allowed',
      context: { article: '지방회계법 제23조', pair: 'collection-and-cash', exception: '지방회계법 시행령 제25조', maxHeadcount: 5 },
    });
    expect((await callRoute(getConcurrentRoles, { caller: chief, params: { gov: GOV } })).body).toEqual({
      offices: [],
      exceptions: [],
      revision: 0,
    });
  });

  it('records only exceptions the law allows, in offices whose recorded 정원 is within it', async () => {
    const tooLarge = await put({ expectedRevision: 0, offices, exceptions: [{ ...smallOffice, office: 'D-six' }] });
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { maxHeadcount: 5, headcount: 6 } });
    const unrecorded = await put({ expectedRevision: 0, offices: [], exceptions: [smallOffice] });
    expect(unrecorded.body).toMatchObject({
      code: 'concurrent-roles-exception-not-lawful',
      context: { office: 'D-small', maxHeadcount: 5 },
    });
    const none = await put({ expectedRevision: 0, offices, exceptions: [{ ...smallOffice, pair: 'finance-and-disbursing' }] });
    expect(none.body).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { article: '지방회계법 제36조' } });
    const twice = await put({ expectedRevision: 0, offices: [...offices, offices[0]], exceptions: [] });
    expect(twice.status).toBe(400);
    expect((await put({ expectedRevision: 0, offices, exceptions: [smallOffice] }, collectorAndCashier)).status).toBe(403);
    expect((await callRoute(getConcurrentRoles, { caller: chief, params: { gov: GOV } })).body.revision).toBe(0);
  });

  it('lets the named official act in its small office once the exception is recorded; never 재무관 with 지출원', async () => {
    const recorded = await put({ expectedRevision: 0, offices, exceptions: [smallOffice] });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ revision: 1, offices, exceptions: [{ ...smallOffice, subjects: ['rev-kim'] }] });
    expect((await put({ expectedRevision: 0, offices, exceptions: [] })).body.code).toBe('revision-conflict');

    // The subject is compared normalised (case, whitespace): "rev-kim" names "Rev-Kim".
    expect((await readContracts(collectorAndCashier)).status).toBe(200);
    const elsewhere = await readContracts({ ...collectorAndCashier, dept: 'D-large' });
    expect(elsewhere.body.code).toBe('concurrent-roles-not-allowed');
    expect((await readContracts({ ...collectorAndCashier, sub: 'rev-lee' })).body.code).toBe('concurrent-roles-not-allowed');
    expect((await readContracts(financeAndDisbursing)).body).toMatchObject({
      code: 'concurrent-roles-not-allowed',
      context: { article: '지방회계법 제36조' },
    });

    // Withdrawn: refused again.
    expect((await put({ expectedRevision: 1, offices, exceptions: [] })).body.revision).toBe(2);
    expect((await readContracts(collectorAndCashier)).status).toBe(403);
  });
});
