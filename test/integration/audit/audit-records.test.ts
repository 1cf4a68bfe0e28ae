import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Role } from '#shared/auth/roles.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const SEOUL = '11000';
const BUSAN = '26000';
const head: TestCaller = { sub: 'head-seoul', roles: ['head'], gov: SEOUL };

function requestAt(receivedAt: string, body: string, role: Role = 'budget_officer'): RequestInfo {
  return {
    requestId: randomUUID(),
    sourceIp: '203.0.113.7',
    bodySha256: createHash('sha256').update(body).digest('hex'),
    receivedAt,
    caller: { sub: `officer-${receivedAt}`, roles: [role], gov: SEOUL, dept: 'budget' },
    actingRole: role,
    headers: {},
  };
}

/** A change and its audit record in one TransactWrite, as every state-changing route does it. */
async function recordChange(gov: string, request: RequestInfo, target: string): Promise<void> {
  await dynamoClient().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: { pk: `TEST#${gov}`, sk: target, value: request.bodySha256 } } },
        auditPut(tableName(), auditRecord(request, { gov, operation: 'testChange', target })),
      ],
    }),
  );
}

const instants = [
  '2026-01-31T23:59:59.999Z',
  '2026-02-01T00:00:00.000Z',
  '2026-02-14T09:30:00.000Z',
  '2026-02-14T09:30:01.000Z',
  '2026-03-02T12:00:00.000Z',
];
const requests = instants.map((at, i) => requestAt(at, JSON.stringify({ change: i })));
for (const [i, request] of requests.entries()) await recordChange(SEOUL, request, `item-${i}`);
await recordChange(BUSAN, requestAt('2026-02-10T10:00:00.000Z', '{}'), 'busan-item');

const list = (caller: TestCaller, query: Record<string, string>, gov = SEOUL) =>
  callRoute(listAuditRecords, { params: { gov }, query, caller });

describe('audit trail listing', () => {
  it('returns who, when, gov, operation, target, request id, source IP and body hash of every change, oldest first', async () => {
    const result = await list(head, { from: '2026-01-01', to: '2026-03-31' });
    expect(result.status).toBe(200);
    expect(result.body.nextCursor).toBeUndefined();
    expect(result.body.items).toHaveLength(5);
    expect(result.body.items[0]).toEqual({
      gov: SEOUL,
      operation: 'testChange',
      target: 'item-0',
      subject: `officer-${instants[0]}`,
      role: 'budget_officer',
      at: instants[0],
      requestId: requests[0]?.requestId,
      sourceIp: '203.0.113.7',
      bodySha256: createHash('sha256').update('{"change":0}').digest('hex'),
    });
    expect(result.body.items.map((r: { target: string }) => r.target)).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4']);
  });

  it('limits the listing to whole days of the period', async () => {
    const february = await list(head, { from: '2026-02-01', to: '2026-02-14' });
    expect(february.body.items.map((r: { target: string }) => r.target)).toEqual(['item-1', 'item-2', 'item-3']);
    const oneDay = await list(head, { from: '2026-01-31', to: '2026-01-31' });
    expect(oneDay.body.items.map((r: { target: string }) => r.target)).toEqual(['item-0']);
  });

  it('pages across monthly partitions with an opaque cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(head, { from: '2026-01-01', to: '2026-03-31', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r: { target: string }) => r.target));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4']);
  });

  it('never shows another government’s records', async () => {
    const busan = await list({ sub: 'head-busan', roles: ['head'], gov: BUSAN }, { from: '2026-01-01', to: '2026-12-31' }, BUSAN);
    expect(busan.body.items.map((r: { target: string }) => r.target)).toEqual(['busan-item']);
  });

  it('is read by the head, the council, the chief accountant of the government and the ministry; by nobody else', async () => {
    const query = { from: '2026-02-01', to: '2026-02-28' };
    for (const role of ['head', 'council_member', 'chief_accountant'] as const) {
      expect((await list({ sub: `s-${role}`, roles: [role], gov: SEOUL }, query)).status).toBe(200);
    }
    expect((await list({ sub: 'mois', roles: ['ministry'] }, query)).status).toBe(200);
    const otherHead = await list({ sub: 'head-busan', roles: ['head'], gov: BUSAN }, query);
    expect(otherHead.status).toBe(403);
    expect(otherHead.body.code).toBe('other-government');
    for (const role of ['department_official', 'budget_officer', 'finance_officer', 'research', 'resident', 'treasury_bank'] as const) {
      const denied = await list({ sub: `s-${role}`, roles: [role], gov: SEOUL }, query);
      expect(denied.status, role).toBe(403);
      expect(denied.body.code).toBe('role-not-permitted');
    }
    expect((await callRoute(listAuditRecords, { params: { gov: SEOUL }, query })).status).toBe(401);
  });

  it('refuses a reversed or over-long period and a cursor that does not continue this listing', async () => {
    const reversed = await list(head, { from: '2026-03-01', to: '2026-02-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('invalid-period');
    const tooLong = await list(head, { from: '2024-01-01', to: '2026-01-01' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'period-too-long', errors: [{ path: 'query.to' }] });

    const first = await list(head, { from: '2026-01-01', to: '2026-03-31', limit: '2' });
    const cursor = first.body.nextCursor as string;
    const elsewhere = await list(head, { from: '2026-03-01', to: '2026-03-31', cursor });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('invalid-cursor');
    for (const forged of [
      'garbage',
      Buffer.from('{"m":"2026-02","k":"2099-01-01"}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      const result = await list(head, { from: '2026-01-01', to: '2026-03-31', cursor: forged });
      expect(result.status, forged).toBe(400);
      expect(result.body.code).toBe('invalid-cursor');
    }
    const badDate = await list(head, { from: '2026-02-30', to: '2026-03-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].path).toBe('query.from');
  });

  it('cannot overwrite an audit record: writing the same record again cancels the whole transaction', async () => {
    const request = requests[2] as RequestInfo;
    const replay = dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: { pk: `TEST#${SEOUL}`, sk: 'replayed-change', value: 'x' } } },
          auditPut(tableName(), { ...auditRecord(request, { gov: SEOUL, operation: 'testChange', target: 'item-2' }), subject: 'forger' }),
        ],
      }),
    );
    await expect(replay).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const change = await dynamoClient().send(
      new GetCommand({ TableName: tableName(), Key: { pk: `TEST#${SEOUL}`, sk: 'replayed-change' } }),
    );
    expect(change.Item).toBeUndefined();
    const listing = await list(head, { from: '2026-02-14', to: '2026-02-14' });
    expect(listing.body.items.map((r: { subject: string }) => r.subject)).not.toContain('forger');
  });
});
