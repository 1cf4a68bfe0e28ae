import { beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, GOV, postingClient, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();

/**
 * The document ledger (지출부/수입부, issue #14): every applied posting is indexed in the consumer's
 * write, by line, department, counterparty and book, and paged by period with exact page totals.
 */
const BUSINESS = '220-81-12341'; // a valid 사업자등록번호 (check digit 1)
const PERSON = '홍길동 900101-1234567';
const post = postingClient('ledger');
const ledger = (query: Record<string, string>, caller: TestCaller = callers.financeOfficer) =>
  callRoute(routes.listLedger, { params: { gov: GOV, year: YEAR }, query, caller });
const ids = (body: { lines: { postingId: string }[] }) => body.lines.map((line) => line.postingId);

const posted: Record<string, string> = {};

beforeAll(async () => {
  await seedLine({ lineId: 'office-supplies', allotted: 10_000_000 });
  await seedLine({ lineId: 'welfare-aid', allotted: 5_000_000, itemCode: '307-02' });
  await seedLine({ lineId: 'fees', kind: 'revenue', allotted: 0, itemCode: '2' });
  await seedCash('2026-03', 5_000_000);
  const f = callers.financeOfficer;
  posted.commit = await post(
    routes.createCommitment,
    f,
    {},
    {
      lineId: 'office-supplies',
      amount: 3_000_000,
      counterparty: BUSINESS,
      contractRef: 'C-1',
      date: '2026-03-02',
    },
  );
  posted.resolve = await post(routes.resolvePayment, f, { commitmentId: posted.commit }, { amount: 1_200_000, date: '2026-03-05' });
  posted.order = await post(
    routes.orderPayment,
    callers.disbursingOfficer,
    { resolutionId: posted.resolve },
    { amount: 1_200_000, date: '2026-03-06' },
  );
  posted.pay = await post(routes.confirmPayment, callers.bank, { orderId: posted.order }, { date: '2026-03-07' });
  posted.aid = await post(
    routes.createCommitment,
    f,
    {},
    {
      lineId: 'welfare-aid',
      amount: 700_000,
      counterparty: PERSON,
      contractRef: 'A-1',
      date: '2026-04-01',
    },
  );
  posted.aidCorrection = await post(routes.correctPosting, f, { postingId: posted.aid }, { date: '2026-04-02', reason: '중복 원인행위' });
  posted.assess = await post(
    routes.assessRevenue,
    callers.revenueOfficer,
    {},
    {
      lineId: 'fees',
      amount: 50_000,
      payer: '김철수',
      dueDate: '2026-05-31',
      date: '2026-05-01',
    },
  );
  posted.receive = await post(
    routes.receiveRevenue,
    callers.revenueOfficer,
    { assessmentId: posted.assess },
    { amount: 50_000, date: '2026-05-03' },
  );
});

describe('document ledger (지출부/수입부)', () => {
  it('pages a line in date order with a cursor, each page with its exact totals per kind', async () => {
    const first = await ledger({ by: 'line', id: 'office-supplies', limit: '3' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(ids(first.body)).toEqual([posted.commit, posted.resolve, posted.order]);
    expect(first.body.page).toEqual({ count: 3, totals: { commit: '3000000', resolve: '1200000', order: '1200000' } });
    expect(first.body.lines[0]).toMatchObject({
      kind: 'commit',
      date: '2026-03-02',
      amount: 3_000_000,
      dept: 'dept-1',
      party: '2208112341',
    });
    const second = await ledger({ by: 'line', id: 'office-supplies', limit: '3', cursor: first.body.cursor });
    expect(ids(second.body)).toEqual([posted.pay]);
    expect(second.body.page).toEqual({ count: 1, totals: { pay: '1200000' } });
    expect(second.body.cursor).toBeUndefined();
  });

  it('follows a counterparty down its document chain, by its 사업자등록번호', async () => {
    const result = await ledger({ by: 'counterparty', id: '2208112341' });
    expect(ids(result.body)).toEqual([posted.commit, posted.resolve, posted.order, posted.pay]);
  });

  it('shows a person only as a pseudonym, and nets a correction against the kind it reverses', async () => {
    const aid = await ledger({ by: 'line', id: 'welfare-aid' });
    expect(ids(aid.body)).toEqual([posted.aid, posted.aidCorrection]);
    const party = aid.body.lines[0].party as string;
    expect(party).toMatch(/^p-[0-9a-f]{32}$/);
    expect(aid.body.lines[1]).toMatchObject({ kind: 'correct', reverses: posted.aid, reversedKind: 'commit', party });
    expect(aid.body.page.totals).toEqual({ commit: '0' });
    expect(JSON.stringify(aid.body)).not.toMatch(/홍길동|900101/);
    const byParty = await ledger({ by: 'counterparty', id: party });
    expect(ids(byParty.body)).toEqual([posted.aid, posted.aidCorrection]);
  });

  it('lists a department and a book by period; 수입부 apart from 지출부', async () => {
    const dept = await ledger({ by: 'department', id: 'dept-1' });
    expect(dept.body.page.count).toBe(8);
    const march = await ledger({ by: 'book', id: 'expenditure', from: '2026-03-05', to: '2026-03-06' });
    expect(ids(march.body)).toEqual([posted.resolve, posted.order]);
    const revenue = await ledger({ by: 'book', id: 'revenue' }, callers.ministry);
    expect(revenue.status).toBe(200);
    expect(ids(revenue.body)).toEqual([posted.assess, posted.receive]);
    expect(revenue.body.page.totals).toEqual({ assess: '50000', receive: '50000' });
    expect(revenue.body.lines[0].party).toMatch(/^p-/);
  });

  it('refuses a cursor from another period and a period that ends before it starts', async () => {
    const first = await ledger({ by: 'line', id: 'office-supplies', limit: '1' });
    const foreign = await ledger({ by: 'line', id: 'office-supplies', from: '2026-04-01', cursor: first.body.cursor });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 400, code: 'invalid-cursor' });
    const backwards = await ledger({ by: 'book', id: 'expenditure', from: '2026-05-01', to: '2026-04-01' });
    expect({ status: backwards.status, code: backwards.body.code }).toEqual({ status: 400, code: 'invalid-period' });
  });
});
