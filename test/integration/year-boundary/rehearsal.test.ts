import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { periodsBefore } from '#shared/domain/settlement/closing-guards.ts';
import * as routes from '#shared/routes/execution.ts';
import { getClosingStatus, requestClosing } from '#shared/routes/settlement.ts';
import { callRoute } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, drainPostings, GOV, seedCash, seedLine, YEAR } from '#test/integration/execution/support.ts';
import { drainSettlementQueue } from '#test/integration/settlement/fixture.ts';

/**
 * A rehearsal of 2026's year boundary on the business clock (HOJO_CLOCK, shared/clock.ts), as a
 * run that posts today, restarts on later moments and closes 2026 as the law allows.
 */
const chief = { sub: 'chief-11000', roles: ['chief_accountant' as const], gov: GOV };
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};

const commit = (date: string, extra: Record<string, unknown> = {}) =>
  callRoute(routes.createCommitment, {
    caller: callers.financeOfficer as never,
    params: { gov: GOV, year: YEAR },
    body: { lineId: 'road-repair', amount: 1_000, counterparty: '123-45-67890', contractRef: 'C-1', date, ...extra },
    headers: { 'Idempotency-Key': randomUUID() },
  });
const close = (kind: string, period: string, backfill?: boolean) =>
  callRoute(requestClosing, {
    caller: chief as never,
    params: { gov: GOV, year: YEAR },
    body: { kind, period, ...(backfill ? { backfill } : {}) },
  });

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'road-repair', allotted: 10_000_000, itemCode: '201-01' });
  await seedCash('2026-12', 1_000_000);
});
afterAll(() => restore());

describe('the year boundary on a rehearsal clock', () => {
  it('posts on 31 December until midnight, never tomorrow', async () => {
    on('2026-12-31T23:59:00+09:00');
    expect((await commit('2026-12-31')).status).toBe(202);
    expect((await commit('2027-01-01')).body).toMatchObject({ status: 422, code: 'posting-date-in-future' });
    await drainPostings();
  });

  it('after 출납 폐쇄 accepts only a listed exception of the right side, until 20 January', async () => {
    on('2027-01-01T00:00:00+09:00');
    expect((await commit('2027-01-01')).body).toMatchObject({
      status: 422,
      code: 'cash-books-closed',
      context: { window: 'exception-window', rule: '지방회계법 제7조제1항; 회계령 제3조, 제34조' },
    });
    expect((await commit('2027-01-01', { exceptionCode: 'advance-payment-return' })).body.code).toBe('exception-not-applicable');
    expect((await commit('2027-01-01', { exceptionCode: 'not-a-listed-one' })).status).toBe(400);
    on('2027-01-20T18:00:00+09:00');
    const accepted = await commit('2027-01-20', { exceptionCode: 'contract-completed-at-year-end' });
    expect(accepted.status).toBe(202);
    await drainPostings();
    const applied = await callRoute(routes.getPosting, {
      caller: callers.financeOfficer as never,
      params: { gov: GOV, postingId: accepted.body.postingId },
    });
    expect(applied.body).toMatchObject({ status: 'applied', year: 2026 });
  });

  it('refuses an attribution that puts the commitment in another year (회계령 제2조)', async () => {
    on('2026-12-31T10:00:00+09:00');
    const misattributed = await commit('2026-12-31', { attribution: { category: 'fact-date', date: '2027-01-05' } });
    expect(misattributed.body).toMatchObject({ status: 422, code: 'attribution-year-mismatch', context: { attributedYear: 2027 } });
  });

  it('after 20 January only completion work; after 10 February nothing', async () => {
    on('2027-01-21T09:00:00+09:00');
    expect((await commit('2027-01-21', { exceptionCode: 'contract-completed-at-year-end' })).body.code).toBe('cash-closing-window-ended');
    on('2027-02-11T00:00:00+09:00');
    expect((await commit('2026-12-31')).body).toMatchObject({ status: 422, code: 'fiscal-year-locked', context: { window: 'locked' } });
  });

  it('closes 2026 as the law allows: not before 11 February, and only after its months', async () => {
    on('2027-02-10T18:00:00+09:00');
    expect((await close('year-end', '2026')).body).toMatchObject({ status: 422, code: 'year-end-before-completion' });
    on('2027-02-11T09:00:00+09:00');
    const monthsOpen = await close('year-end', '2026');
    expect(monthsOpen.body).toMatchObject({ status: 422, code: 'earlier-periods-open' });
    // The twelve months and the 출납정리 months of 2026 (January, 1–10 February 2027: 지방회계법 제7조).
    expect(monthsOpen.body.context.open).toHaveLength(14);
    expect((await close('monthly', '2026-12')).body.code).toBe('earlier-periods-open');

    // The daily closings of the year and of its 출납정리 days, as the daily schedule and the officials leave them.
    const days = periodsBefore(periodOf('year-end', '2026')).flatMap((month) => periodsBefore(month));
    for (let i = 0; i < days.length; i += 25) {
      await dynamoClient().send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName()]: days.slice(i, i + 25).map((day) => ({
              PutRequest: { Item: { pk: `CLOSE#${GOV}#${YEAR}`, sk: `DAY#${day.id}`, state: 'closed', kind: 'daily', period: day.id } },
            })),
          },
        }),
      );
    }
    for (let month = 1; month <= 12; month++) {
      expect((await close('monthly', `2026-${String(month).padStart(2, '0')}`)).status).toBe(202);
    }
    expect((await close('monthly', '2027-01')).status).toBe(202);
    expect((await close('monthly', '2027-02')).status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    expect((await close('year-end', '2026')).status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    const status = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year: YEAR } });
    expect(status.body.yearClosed).toBe(true);
    expect(status.body.closings.find((c: { kind: string }) => c.kind === 'year-end')).toMatchObject({ status: 'done' });
  });
});
