import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Route } from '#shared/http/route.ts';
import * as routes from '#shared/routes/execution.ts';
import { getArchiveDownload } from '#shared/routes/reports.ts';
import { getClosingStatus, requestClosing } from '#shared/routes/settlement.ts';
import { jobDetail } from '#infra/cli/job-detail.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';
import { callers, drainPostings, GOV } from '#test/integration/execution/support.ts';
import { drainSettlementQueue, startClosing } from '#test/integration/settlement/fixture.ts';
import { seedYearCash, seedYearLine } from '#test/integration/year-boundary/support.ts';

/**
 * The daily and monthly reports of January (issue #15): year 2026's 출납정리 postings are dated in
 * January 2027 but belong to 2026 (지방회계법 제7조), so 2026 closes its own 15 January beside 2027's
 * 15 January, each 일계표 with its own year's figures; 2026's year-end needs its 출납정리 months
 * (2027-01, 2027-02 to the 10th) closed first. Every figure is computed by hand in the comments.
 */
const chief: TestCaller = { sub: 'chief-11000', roles: ['chief_accountant'], gov: GOV };
const ministry = { sub: 'mois-1', roles: ['ministry' as const] };
let restore: () => void = () => undefined;
const on = (iso: string) => {
  restore();
  restore = setClock(iso);
};

async function applied(route: Route, caller: TestCaller, year: number, params: Record<string, string>, body: Record<string, unknown>) {
  const accepted = await callRoute(route, {
    caller: caller as never,
    params: { gov: GOV, year, ...params },
    body,
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  await drainPostings();
  const status = await callRoute(routes.getPosting, {
    caller: callers.financeOfficer as never,
    params: { gov: GOV, postingId: accepted.body.postingId },
  });
  expect(status.body, JSON.stringify(status.body)).toMatchObject({ status: 'applied' });
  return status.body.postingId as string;
}

/** Commitment, resolution, order and payment of one amount on one day (the order and payment may be split off). */
async function spend(year: number, lineId: string, amount: number, date: string, paid: number, extra: Record<string, unknown> = {}) {
  const { financeOfficer: fo, disbursingOfficer: dob, bank } = callers;
  const c = await applied(
    routes.createCommitment,
    fo,
    year,
    {},
    { lineId, amount, counterparty: '111-11-11111', contractRef: `C-${year}`, date },
  );
  const r = await applied(routes.resolvePayment, fo, year, { commitmentId: c }, { amount, date });
  const o = await applied(routes.orderPayment, dob, year, { resolutionId: r }, { amount: paid, date, ...extra });
  await applied(routes.confirmPayment, bank, year, { orderId: o }, { date, ...extra });
  return r;
}

const close = (year: number, kind: string, period: string) =>
  callRoute(requestClosing, { caller: chief as never, params: { gov: GOV, year }, body: { kind, period } });

async function report(year: number, name: string, period: string) {
  const signed = await callRoute(getArchiveDownload, {
    params: { gov: GOV },
    query: { key: `${year}/${GOV}/${name}/${period}/report.json` },
    caller: ministry as never,
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  return (await (await fetch(signed.body.url)).json()) as {
    year: number;
    period: string;
    totals: Record<string, string>;
    tables: Record<string, { rows: Record<string, string>[] }>;
  };
}

/** The totals of a year's archived 일계표 of a day, after checking that it is that year's report of that day. */
async function dailyTotals(year: number, day: string) {
  const daily = await report(year, 'daily-summary', day);
  expect(daily).toMatchObject({ year, period: day });
  return daily.totals;
}

/** Marks days or months closed as their own closings leave them (proven elsewhere; here only the order matters). */
async function markClosed(year: number, kind: 'daily' | 'monthly', ids: readonly string[]): Promise<void> {
  const prefix = kind === 'daily' ? 'DAY' : 'MONTH';
  for (let i = 0; i < ids.length; i += 25) {
    await dynamoClient().send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName()]: ids.slice(i, i + 25).map((id) => ({
            PutRequest: { Item: { pk: `CLOSE#${GOV}#${year}`, sk: `${prefix}#${id}`, state: 'closed', kind, period: id } },
          })),
        },
      }),
    );
  }
}
const daysOf = (month: string, last: number) => Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  await useTestStack();
  await seedYearLine(2026, { lineId: 'E1', budget: 1_000_000 });
  await seedYearCash(2026, '2026-12', 1_000_000);
  // 2026's cash paid in January under an exception is allocated to 2026's January month.
  await seedYearCash(2026, '2027-01', 500_000);
  await seedYearLine(2027, { lineId: 'E2', budget: 1_000_000 });
  await seedYearCash(2027, '2027-01', 1_000_000);
});
afterAll(() => restore());

describe('January: the old year and the new year report the same days apart', () => {
  it('posts 2026 in December and under an exception on 15 January, and 2027 on 15 January', async () => {
    on('2026-12-10T10:00:00+09:00');
    // 2026: 600,000 committed and resolved on E1 (Dr 비용 / Cr 미지급금), 400,000 paid (Dr 미지급금 / Cr 현금).
    const r1 = await spend(2026, 'E1', 600_000, '2026-12-10', 400_000);
    on('2027-01-15T10:00:00+09:00');
    // 2026 under an exception (지방회계법 제7조제1항제1호): 100,000 more of the same resolution, dated 15 January.
    const exception = { exceptionCode: 'contract-completed-at-year-end' };
    const o = await applied(
      routes.orderPayment,
      callers.disbursingOfficer,
      2026,
      { resolutionId: r1 },
      { amount: 100_000, date: '2027-01-15', ...exception },
    );
    await applied(routes.confirmPayment, callers.bank, 2026, { orderId: o }, { date: '2027-01-15', ...exception });
    // 2027's own: 30,000 committed, resolved and paid on 15 January.
    await spend(2027, 'E2', 30_000, '2027-01-15', 30_000);
  });

  it('16 January: both years close 15 January, each 일계표 with its own year only', async () => {
    on('2027-01-16T09:00:00+09:00');
    expect((await close(2026, 'daily', '2027-01-15')).status).toBe(202);
    expect((await close(2027, 'daily', '2027-01-15')).status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);

    // 2026 on 15 January: Dr 미지급금 100,000 / Cr 현금 100,000. Cumulative since 1 January 2026:
    // Dr 비용 600,000 + Dr 미지급금 400,000 + 100,000 = 1,100,000; Cr 미지급금 600,000 + Cr 현금 400,000 + 100,000 = 1,100,000;
    // cash 0 − 500,000 = −500,000 (no opening cash seeded).
    expect(await dailyTotals(2026, '2027-01-15')).toEqual({
      dayDebit: '100000',
      dayCredit: '100000',
      cumulativeDebit: '1100000',
      cumulativeCredit: '1100000',
      cashBalance: '-500000',
    });
    // 2027 on 15 January: Dr 비용 30,000 / Cr 미지급금 30,000; Dr 미지급금 30,000 / Cr 현금 30,000 — nothing of 2026.
    expect(await dailyTotals(2027, '2027-01-15')).toEqual({
      dayDebit: '60000',
      dayCredit: '60000',
      cumulativeDebit: '60000',
      cumulativeCredit: '60000',
      cashBalance: '-30000',
    });

    const status2026 = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year: 2026 } });
    expect(status2026.body.closings).toContainEqual(expect.objectContaining({ kind: 'daily', period: '2027-01-15', status: 'done' }));
  });

  it('the daily schedule closes yesterday for both years while it is a 출납정리 day of the old one', async () => {
    on('2027-01-17T03:00:00+09:00');
    // 03:00 on 17 January in Korea: yesterday is 16 January, a day of 2027 and a 출납정리 day of 2026.
    expect(await startClosing({ kind: 'daily', gov: GOV }, '2027-01-16T18:00:00Z')).toEqual({
      kind: 'daily',
      period: '2027-01-16',
      enqueued: 2,
    });
    expect(await drainSettlementQueue()).toEqual([]);
    for (const year of [2026, 2027]) {
      const status = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year } });
      expect(status.body.closings).toContainEqual(expect.objectContaining({ kind: 'daily', period: '2027-01-16', status: 'done' }));
    }
    // Nothing posted on 16 January: 2026's 일계표 shows its cumulative figures only.
    expect(await dailyTotals(2026, '2027-01-16')).toMatchObject({ dayDebit: '0', cumulativeDebit: '1100000' });
    expect(await dailyTotals(2027, '2027-01-16')).toMatchObject({ dayDebit: '0', cumulativeDebit: '60000' });
    // From 11 February only the new year's days (2026's cash work is complete).
    expect(await startClosing({ kind: 'daily', gov: GOV, backfill: true }, '2027-02-11T18:00:00Z')).toMatchObject({
      period: '2027-02-11',
      enqueued: 1,
    });
    expect(await drainSettlementQueue()).toEqual([]);
  });

  it('npm run job names an old year’s 출납정리 day: --year 2026 --period 2027-01-14', async () => {
    on('2027-01-17T03:00:00+09:00');
    const job = (args: string[]) =>
      startClosing(
        { kind: 'daily', gov: GOV, ...jobDetail(parseArgs({ args, allowPositionals: true, strict: false, tokens: true }).tokens) },
        '2027-01-16T18:00:00Z',
      );
    // Only 2026's 14 January: one message, carrying its fiscal year.
    expect(await job(['--year', '2026', '--period', '2027-01-14'])).toEqual({ kind: 'daily', period: '2027-01-14', enqueued: 1 });
    expect(await drainSettlementQueue()).toEqual([]);
    const status2026 = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year: 2026 } });
    expect(status2026.body.closings).toContainEqual(expect.objectContaining({ kind: 'daily', period: '2027-01-14', status: 'done' }));
    const status2027 = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year: 2027 } });
    expect(status2027.body.closings).not.toContainEqual(expect.objectContaining({ period: '2027-01-14' }));
    // A day past 2026's completion date (10 February) is not one of its periods.
    await expect(job(['--year', '2026', '--period', '2027-02-11'])).rejects.toMatchObject({
      refusal: { code: 'period-outside-year', context: { completionDate: '2027-02-10' } },
    });
  });

  it('refuses 출납정리 periods beyond 10 February and days that have not ended', async () => {
    on('2027-01-16T09:00:00+09:00');
    expect((await close(2026, 'daily', '2027-02-11')).body).toMatchObject({
      status: 422,
      code: 'period-outside-year',
      context: { completionDate: '2027-02-10', rule: '지방회계법 제6조제1항, 제7조제3항' },
    });
    expect((await close(2026, 'monthly', '2027-03')).body.code).toBe('period-outside-year');
    expect((await close(2026, 'daily', '2027-01-16')).body.code).toBe('period-not-ended');
  });

  it('11 February: 2026 closes its 출납정리 months (January, 1–10 February) before its year-end', async () => {
    on('2027-02-11T09:00:00+09:00');
    // The days and months of 2026 itself as the schedules leave them.
    await markClosed(
      2026,
      'daily',
      Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`).flatMap((month) =>
        daysOf(month, new Date(Date.UTC(2026, Number(month.slice(5)), 0)).getUTCDate()),
      ),
    );
    await markClosed(
      2026,
      'monthly',
      Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
    );
    const monthsOpen = await close(2026, 'year-end', '2026');
    expect(monthsOpen.body).toMatchObject({ status: 422, code: 'earlier-periods-open', context: { open: ['2027-01', '2027-02'] } });
    // January's days: 14, 15 and 16 January closed above; the others still open (28 of 31).
    const daysOpen = await close(2026, 'monthly', '2027-01');
    expect(daysOpen.body).toMatchObject({ status: 422, code: 'earlier-periods-open' });
    expect(daysOpen.body.context.open).toHaveLength(28);
    const closedAbove = ['2027-01-14', '2027-01-15', '2027-01-16'];
    await markClosed(2026, 'daily', [...daysOf('2027-01', 31).filter((d) => !closedAbove.includes(d)), ...daysOf('2027-02', 10)]);
    expect((await close(2026, 'monthly', '2027-01')).status).toBe(202);
    expect((await close(2026, 'monthly', '2027-02')).status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);

    // 2026's 합계잔액시산표 through January: 비용 600,000 (Dr), 미지급금 Dr 500,000 / Cr 600,000 (balance Cr 100,000),
    // 현금 Cr 500,000: totals 1,100,000 each side; balances Dr 600,000, Cr 100,000 + 500,000 = 600,000.
    const january = await report(2026, 'trial-balance', '2027-01');
    expect(january).toMatchObject({ year: 2026, period: '2027-01' });
    expect(january.totals).toEqual({ debitTotal: '1100000', creditTotal: '1100000', debitBalance: '600000', creditBalance: '600000' });
    // February (1–10): nothing posted, the same cumulative figures.
    expect((await report(2026, 'trial-balance', '2027-02')).totals).toEqual(january.totals);

    expect((await close(2026, 'year-end', '2026')).status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    const status = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year: 2026 } });
    expect(status.body.yearClosed).toBe(true);
  });

  it('2027 closes its own January: only 2027 postings', async () => {
    on('2027-02-11T09:00:00+09:00');
    await markClosed(
      2027,
      'daily',
      daysOf('2027-01', 31).filter((d) => d !== '2027-01-15' && d !== '2027-01-16'),
    );
    expect((await close(2027, 'monthly', '2027-01')).status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    // 2027's postings: 비용 Dr 30,000; 미지급금 Dr 30,000 / Cr 30,000; 현금 Cr 30,000 (60,000 each side).
    // Its opening balances from 2026's year-end: 현금 Cr 500,000, 미지급금 Cr 600,000 − 500,000 = 100,000,
    // 순자산 Dr 600,000 (600,000 each side). Totals 60,000 + 600,000 = 660,000; balances Dr 30,000 + 600,000 =
    // 630,000, Cr 현금 530,000 + 미지급금 100,000 = 630,000. Had 2026's 15 January payment leaked in, 미지급금 Dr
    // and 현금 Cr would each be 100,000 more (760,000).
    const january = await report(2027, 'trial-balance', '2027-01');
    expect(january).toMatchObject({ year: 2027, period: '2027-01' });
    expect(january.totals).toEqual({ debitTotal: '660000', creditTotal: '660000', debitBalance: '630000', creditBalance: '630000' });
  });
});
