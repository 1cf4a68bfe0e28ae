import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Route } from '#shared/http/route.ts';
import { getPosting } from '#shared/routes/execution.ts';
import { cashControlKey, lineControlKey, programControlKey } from '#shared/stores/budget/control-keys.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { callers, drainPostings, FUND, GOV } from '#test/integration/execution/support.ts';

/** The business clock a scenario moves through the year boundary: `on(iso)` sets it, `restore()` gives it back. */
export function businessClock() {
  let restore: () => void = () => undefined;
  return {
    on(iso: string): void {
      restore();
      restore = setClock(iso);
    },
    restore: () => restore(),
  };
}

/** Submits a posting through its route, applies the queue and answers the posting as GET returns it (or the refusal). */
export async function posted(
  route: Route,
  caller: TestCaller,
  year: number,
  params: Record<string, string>,
  body: Record<string, unknown>,
) {
  const accepted = await callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year, ...params },
    body,
    headers: { 'Idempotency-Key': randomUUID() },
  });
  if (accepted.status !== 202) return accepted.body;
  await drainPostings();
  const status = await callRoute(getPosting, {
    caller: callers.financeOfficer as never,
    params: { gov: GOV, postingId: accepted.body.postingId },
  });
  return status.body;
}

/** As `posted`, expecting it applied: its posting id. */
export async function applied(...args: Parameters<typeof posted>): Promise<string> {
  const body = await posted(...args);
  expect(body, JSON.stringify(body)).toMatchObject({ status: 'applied' });
  return body.postingId;
}

export const readItem = async (key: { pk: string; sk: string }) =>
  (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item ?? {};

/**
 * Budget lines and cash allocations of any year, as budgeting leaves them (the budget-control-keys.ts
 * contract; test/integration/execution/support.ts seeds 2026 only). The year-boundary tests need
 * 2027's too.
 */
export async function seedYearLine(
  year: number,
  line: { lineId: string; kind?: 'expenditure' | 'revenue'; budget: number; itemCode?: string },
): Promise<void> {
  const kind = line.kind ?? 'expenditure';
  const itemCode = line.itemCode ?? (kind === 'revenue' ? '2' : '201-01');
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...lineControlKey(GOV, year, line.lineId),
        gov: GOV,
        year,
        lineId: line.lineId,
        kind,
        fund: FUND,
        itemCode,
        journal: kind === 'revenue' ? { code: itemCode === '2' ? '2-1' : itemCode } : { code: itemCode, structureType: '행정운영경비' },
        dept: 'dept-1',
        mandatory: false,
        budget: line.budget,
        allotted: line.budget,
        committed: 0,
        resolved: 0,
        ordered: 0,
        paid: 0,
        assessed: 0,
        received: 0,
        refunded: 0,
      },
    }),
  );
}

export async function seedYearCash(year: number, month: string, allocated: number): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...cashControlKey(GOV, year, FUND, month), gov: GOV, year, fund: FUND, month, allocated, paid: 0 },
    }),
  );
}

/** The 불용액 of a 정책사업 as a year-end closing records it (stores/settlement/program-unspent.ts), nothing paid later yet. */
export async function seedProgramUnspent(year: number, program: string, unspent: number): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...programControlKey(GOV, year, FUND, program),
        entity: 'program-unspent',
        gov: GOV,
        year,
        fund: FUND,
        program,
        unspent,
        paidLater: 0,
      },
    }),
  );
}
