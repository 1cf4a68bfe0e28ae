import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { encodeAuditCursor } from '#shared/audit/audit-cursor.ts';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import type { ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { decisionRecord } from '#shared/stores/execution/posting-items.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { storeAcceptedPosting } from '#shared/stores/execution/posting-requests.ts';
import { postingMessage } from '#test/integration/execution/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/**
 * Issue #21: accepting a posting stores one item, its request, which is the audit record of the
 * acceptance (listed through the table's index); applying it writes its RESULT, which is the record
 * of the application. The audit trail shows both beside the records written next to other changes,
 * in key order, across pages and months, with nothing missed or repeated — also when one request
 * accepted several postings, whose applications sort after (or, by operation, before) all of their
 * acceptances.
 */
const GOV = '41000';
const head: TestCaller = { sub: 'head-gyeonggi', roles: ['head'], gov: GOV };

const changeAt = (at: string, n: number): RequestInfo => ({
  requestId: `change-${n}`,
  sourceIp: '203.0.113.9',
  bodySha256: 'c'.repeat(64),
  receivedAt: at,
  caller: { sub: `officer-${n}`, roles: ['budget_officer'], gov: GOV, dept: 'budget' },
  actingRole: 'budget_officer',
  headers: {},
});

async function recordChange(at: string, n: number): Promise<string> {
  const target = `thing-${n}`;
  await dynamoClient().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: { pk: `TEST#${GOV}`, sk: target } } },
        auditPut(tableName(), auditRecord(changeAt(at, n), { gov: GOV, operation: 'testChange', target })),
      ],
    }),
  );
  return target;
}

/** A use of the 재무관·지출원 exception in a small 관서 (its figures are the test's, not the law's). */
const smallOffice: ExceptionUse = {
  pair: 'finance-and-cash',
  duties: ['재무관', '지출원'],
  ground: '지방회계법 시행령 제46조',
  office: 'small-office',
  headcount: 4,
  maxHeadcount: 5,
  reference: 'appointment-1',
};

/** A posting accepted through the store, as the API accepts it; `requestId`: one request may accept several (a grant's postings). */
async function accept(
  at: string,
  options: { exceptionUses?: boolean; requestId?: string; operation?: string } = {},
): Promise<PostingMessage> {
  const base = postingMessage(GOV, 'line-a', { kind: 'commit', lineId: 'line-a', amount: 1_000, date: at.slice(0, 10) } as never, 'clerk');
  const message = { ...base, actor: { ...base.actor, receivedAt: at, ...(options.requestId ? { requestId: options.requestId } : {}) } };
  const stored = await storeAcceptedPosting({
    message,
    requestHash: 'h',
    committedBy: 'clerk',
    acceptance: {
      operation: options.operation ?? 'createCommitment.accepted',
      ...(options.exceptionUses ? { exceptionUses: [smallOffice] } : {}),
    },
  });
  expect(stored).toEqual({ ok: true });
  return message;
}

/** The consumer's decision as it stores it: the RESULT (an applied one is the record of its application). */
const decide = (message: PostingMessage, status: 'applied' | 'rejected') =>
  dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...resultKey(GOV, message.postingId),
        postingId: message.postingId,
        gov: GOV,
        status,
        kind: 'commit',
        decidedAt: message.actor.receivedAt,
      },
    }),
  );

// Interleaved in time: January's end, February (changes and acceptances alternating, two at one instant), March.
const timeline: { key: string; at: string; operation: string; target: string }[] = [];
const change = async (at: string) => {
  const target = await recordChange(at, timeline.length);
  timeline.push({ key: `${at}#change-${timeline.length}#testChange#${target}`, at, operation: 'testChange', target });
};
const posting = async (
  at: string,
  options: { exceptionUses?: boolean; requestId?: string; operation?: string; decided?: 'applied' | 'rejected' } = {},
) => {
  const message = await accept(at, options);
  const target = `posting ${message.postingId}`;
  const prefix = `${at}#${message.actor.requestId}#`;
  const operation = options.operation ?? 'createCommitment.accepted';
  timeline.push({ key: `${prefix}${operation}#${target}`, at, operation, target });
  if (options.decided) await decide(message, options.decided);
  // an application is listed from the RESULT; a rejection's record is an audit item the consumer writes (not here)
  if (options.decided === 'applied')
    timeline.push({ key: `${prefix}posting.commit.applied#${target}`, at, operation: 'posting.commit.applied', target });
};
await posting('2026-01-31T23:59:59.000Z', { decided: 'applied' });
await change('2026-02-01T00:00:00.000Z');
await posting('2026-02-01T00:00:01.000Z', { decided: 'rejected' });
await posting('2026-02-03T08:00:00.000Z', { exceptionUses: true, decided: 'applied' });
await change('2026-02-03T08:00:00.500Z');
await change('2026-02-03T09:00:00.000Z');
await posting('2026-02-03T09:00:00.000Z');
// one request that accepted three postings: their applications sort after all three acceptances
for (let n = 0; n < 3; n++) await posting('2026-02-10T10:00:00.000Z', { requestId: 'grant-request', decided: 'applied' });
// … and one whose operation sorts after `posting.…`: the applications sort before the acceptances
for (let n = 0; n < 3; n++) {
  await posting('2026-02-11T10:00:00.000Z', { requestId: 'payment-request', operation: 'subsidy.pay.accepted', decided: 'applied' });
}
await posting('2026-02-12T10:00:00.000Z', { operation: 'receiveRevenue.accepted', decided: 'applied' });
await posting('2026-03-01T00:00:00.000Z', { decided: 'applied' });
await change('2026-03-02T00:00:00.000Z');
const inOrder = [...timeline].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const named = (record: { operation: string; target: string }) => `${record.operation} ${record.target}`;

const list = (query: Record<string, string>) => callRoute(listAuditRecords, { params: { gov: GOV }, query, caller: head });

describe('an accepted posting is the audit record of its acceptance, and its RESULT of its application', () => {
  it('is listed with who, when, from where and on what body, between the other changes in time order', async () => {
    const listing = await list({ from: '2026-01-01', to: '2026-03-31', limit: '100' });
    expect(listing.status).toBe(200);
    expect(listing.body.items.map(named)).toEqual(inOrder.map(named));
    const first = listing.body.items[0];
    expect(first).toMatchObject({
      gov: GOV,
      operation: 'createCommitment.accepted',
      target: inOrder[0]?.target,
      subject: 'clerk',
      role: 'finance_officer',
      at: '2026-01-31T23:59:59.000Z',
      sourceIp: '10.0.0.1',
      bodySha256: '0'.repeat(64),
    });
    expect(first.requestId).toMatch(/^req-/);
  });

  it("lists an applied posting's application beside its acceptance, with the same who, when and from where", async () => {
    const listing = await list({ from: '2026-01-31', to: '2026-01-31' });
    expect(listing.body.items.map((r: { operation: string }) => r.operation)).toEqual([
      'createCommitment.accepted',
      'posting.commit.applied',
    ]);
    const [accepted, applied] = listing.body.items;
    const { operation: _a, ...who } = accepted;
    const { operation: _b, ...same } = applied;
    expect(same).toEqual(who);
  });

  it.each([1, 2, 3, 4, 5, 7])('pages %i at a time across both sources and three months without gaps or repeats', async (limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 40; page++) {
      const listing = await list({ from: '2026-01-01', to: '2026-03-31', limit: String(limit), ...(cursor ? { cursor } : {}) });
      expect(listing.status).toBe(200);
      expect(listing.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...listing.body.items.map(named));
      cursor = listing.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(inOrder.map(named));
  });

  it('keeps the 겸직 exceptions an acceptance was made under, and lists it among the changes made under one', async () => {
    const listing = await list({ from: '2026-02-01', to: '2026-02-28', underException: 'true' });
    expect(listing.status).toBe(200);
    expect(listing.body.items).toHaveLength(1);
    expect(listing.body.items[0]).toMatchObject({ at: '2026-02-03T08:00:00.000Z', operation: 'createCommitment.accepted' });
    expect(listing.body.items[0].exceptionUses).toEqual([smallOffice]);
  });
  it('lists a record once when the table holds it twice (an earlier consumer wrote an audit item beside the RESULT)', async () => {
    const message = await accept('2026-04-02T09:00:00.000Z');
    await decide(message, 'applied');
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: [auditPut(tableName(), decisionRecord(message, 'applied'))] }));
    const listing = await list({ from: '2026-04-01', to: '2026-04-30' });
    expect(listing.body.items.map((r: { operation: string }) => r.operation)).toEqual([
      'createCommitment.accepted',
      'posting.commit.applied',
    ]);
  });

  it('answers a cursor at the very end of the period with no records, not a failed read', async () => {
    const cursor = encodeAuditCursor({ month: '2026-03', afterKey: '2026-03-31~' });
    const listing = await list({ from: '2026-01-01', to: '2026-03-31', cursor });
    expect(listing.status).toBe(200);
    expect(listing.body.items).toEqual([]);
  });
});
