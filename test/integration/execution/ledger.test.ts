import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import * as routes from '#shared/routes/execution.ts';
import { ledgerItems } from '#shared/stores/execution/ledger-index.ts';
import type { LedgerLine } from '#shared/stores/execution/ledger-index.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { readPostingRequest } from '#shared/stores/execution/posting-requests.ts';
import { applyDeliveries } from '#shared/application/execution/apply-postings.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { now } from '#shared/clock.ts';
import { callers, GOV, postingClient, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';

await useTestStack();

/**
 * The document ledger (지출부/수입부, issue #14): every applied posting is indexed right after the
 * consumer's write (issue #21), by line, department, counterparty and book, and paged by period with exact page totals.
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

  it('is written after the posting’s transaction: a batch redelivered after a crash between the two writes it from the stored results', async () => {
    const views = async () => ({
      book: (await ledger({ by: 'book', id: 'expenditure', limit: '100' })).body,
      aid: (await ledger({ by: 'line', id: 'welfare-aid' })).body,
      business: (await ledger({ by: 'counterparty', id: '2208112341' })).body,
    });
    const before = await views();
    const lines = before.book.lines as LedgerLine[];
    expect(lines).toHaveLength(6);
    // the consumer stopped after its transaction committed: the postings are decided, their lines never written
    await batchWrite(
      lines.flatMap((line) => ledgerItems({ ...line, gov: GOV, year: YEAR }).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }))),
    );
    expect((await ledger({ by: 'book', id: 'expenditure' })).body.lines).toEqual([]);
    // SQS delivers the batch again: every posting is a duplicate, nothing else is written, the lines come back
    const messages = await Promise.all(lines.map(async (line) => (await readPostingRequest(GOV, line.postingId))?.message));
    const report = await applyDeliveries(messages.map((message) => ({ message: message as PostingMessage, attempt: 2 })));
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(lines.map(() => 'duplicate'));
    expect(report.transactions).toBe(0);
    expect(await views()).toEqual(before);
  });

  it('refuses a cursor from another period and a period that ends before it starts', async () => {
    const first = await ledger({ by: 'line', id: 'office-supplies', limit: '1' });
    const foreign = await ledger({ by: 'line', id: 'office-supplies', from: '2026-04-01', cursor: first.body.cursor });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 400, code: 'invalid-cursor' });
    const backwards = await ledger({ by: 'book', id: 'expenditure', from: '2026-05-01', to: '2026-04-01' });
    expect({ status: backwards.status, code: backwards.body.code }).toEqual({ status: 400, code: 'invalid-period' });
  });
});

describe('document ledger backfill (postings applied before the ledger existed)', () => {
  const chief: TestCaller = { sub: 'ca-1', roles: ['chief_accountant'], gov: GOV };
  const backfill = (body: Record<string, number>) =>
    callRoute(routes.backfillLedger, { params: { gov: GOV, year: YEAR }, body, caller: chief });
  const everything = async () => {
    const views: Record<string, unknown> = {};
    for (const [by, id] of [
      ['book', 'expenditure'],
      ['book', 'revenue'],
      ['line', 'office-supplies'],
      ['line', 'welfare-aid'],
      ['department', 'dept-1'],
      ['counterparty', '2208112341'],
    ] as const)
      views[`${by}/${id}`] = (await ledger({ by, id, limit: '100' })).body;
    return views;
  };

  it('rebuilds every index item from the posting records, resumably and idempotently, with an audit record', async () => {
    const before = await everything();
    const lines = (before['book/expenditure'] as { lines: LedgerLine[] }).lines.concat(
      (before['book/revenue'] as { lines: LedgerLine[] }).lines,
    );
    expect(lines).toHaveLength(8);
    // the state of a deployment that applied these postings before the ledger existed: no index items
    await batchWrite(
      lines.flatMap((line) => ledgerItems({ ...line, gov: GOV, year: YEAR }).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }))),
    );
    expect((await ledger({ by: 'book', id: 'expenditure' })).body.lines).toEqual([]);
    // … and documents written before they carried their counterparty: the backfill follows each chain
    // back to the posting that names it (a payment → its order → its resolution → the commitment)
    for (const docId of Object.values(posted)) {
      const key = { pk: `DOC#${GOV}#${docId}`, sk: 'DOC' };
      const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key }));
      if (Item?.party) await dynamoClient().send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: 'REMOVE party' }));
    }

    // two audit records per page, one page per call: each call goes on where the last one stopped
    let calls = 0;
    let progress: Record<string, unknown> = {};
    do {
      const answer = await backfill({ pages: 1, pageSize: 2 });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      progress = answer.body;
      calls += 1;
    } while (!progress.done && calls < 40);
    expect(progress).toMatchObject({ gov: GOV, year: YEAR, done: true, month: null, indexed: 8 });
    expect(calls).toBeGreaterThan(4); // 8 applied postings (and other audit records) at 2 records a page
    expect(await everything()).toEqual(before);

    // done: another call reads nothing; a fresh run over already indexed postings writes the same items
    expect((await backfill({})).body).toMatchObject({ done: true, indexed: 8, indexedNow: 0 });
    await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: `LEDGERBACKFILL#${GOV}#${YEAR}`, sk: 'PROGRESS' } }));
    expect((await backfill({ pages: 100 })).body).toMatchObject({ done: true, indexed: 8, indexedNow: 8 });
    expect(await everything()).toEqual(before);
    const audit = await callRoute(listAuditRecords, {
      params: { gov: GOV },
      query: { from: '2026-11-30', to: '2026-11-30', limit: '1000' },
      caller: { sub: 'head-1', roles: ['head'], gov: GOV },
    });
    expect(audit.body.items.filter((r: { operation: string }) => r.operation === 'backfillLedger').length).toBe(calls + 2);
  });

  it('runs one call at a time per government-year: a concurrent call is refused, a call after it goes on', async () => {
    await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: { pk: `LEDGERBACKFILL#${GOV}#${YEAR}`, sk: 'PROGRESS' } }));
    const answers = await Promise.all([backfill({ pages: 100 }), backfill({ pages: 100 }), backfill({ pages: 100 })]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(200);
    for (const answer of answers.filter((a) => a.status !== 200))
      expect(answer.body).toMatchObject({ status: 409, code: 'ledger-backfill-running' });
    // the ones that ran did so one after the other: the progress counts every posting once per run
    const ran = answers.filter((a) => a.status === 200);
    expect(ran[0]!.body).toMatchObject({ done: true, indexed: 8 });
    // a call after them takes the lease again (they released it)
    expect((await backfill({})).body).toMatchObject({ done: true, indexed: 8, indexedNow: 0 });
  });

  it('refuses a call while another holds the lease, and takes it over once the lease ran out', async () => {
    const key = { pk: `LEDGERBACKFILL#${GOV}#${YEAR}`, sk: 'PROGRESS' };
    const hold = (until: number) =>
      dynamoClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET leaseHolder = :other, leaseUntil = :until',
          ExpressionAttributeValues: { ':other': 'another-call', ':until': until },
        }),
      );
    await hold(now().getTime() + 60_000);
    expect((await backfill({})).body).toMatchObject({ status: 409, code: 'ledger-backfill-running', context: { gov: GOV, year: YEAR } });
    await hold(now().getTime() - 1); // that call died: its lease ran out
    expect((await backfill({})).status).toBe(200);
    const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key }));
    expect(Item).toMatchObject({ done: true, indexed: 8 });
    expect(Item?.leaseHolder).toBeUndefined();
  });

  it('is the chief accountant’s: a finance officer is refused', async () => {
    const refused = await callRoute(routes.backfillLedger, { params: { gov: GOV, year: YEAR }, body: {}, caller: callers.financeOfficer });
    expect(refused.status).toBe(403);
  });
});
