import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import * as execution from '#shared/routes/execution.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { readLedgerTotals } from '#shared/stores/settlement/inputs.ts';
import { pendingAdjustmentKinds } from '#shared/stores/settlement/adjustments.ts';
import { closePeriod, markerState } from '#shared/stores/settlement/close-markers.ts';
import { systemRequest } from '#shared/application/settlement/system-request.ts';
import { requestClosing } from '#shared/routes/settlement.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { allot, fund, officials, setUpAccounts, spend } from '#test/integration/accounting/support.ts';
import { drainPostings } from '#test/integration/execution/support.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * Purchases under 405 (자산취득비) enter the asset register and are depreciated (회계기준규칙 제17–19조,
 * 제49조), and a 결산정리분개 larger than one transaction is written in parts that a rerun completes
 * without doubling (a crash is injected between parts: the transaction of the second part throws).
 *
 *   GEN 401 도로 (사회기반시설, 부문 121 → 기능 120) 250,000,000 paid 03-10     Dr 1507 / Cr 2101 …
 *       405 장비 (일반유형자산 → 1308, 부문 016 → 기능 010) 1,200,000 resolved and paid 04-15
 *       405 a second purchase of 600,000 resolved 05-20 and corrected (역분개): no asset
 *   결산정리: 250 roads of 1,000,000 completed 2026-06-30, 20 years: 3 parts (the entries' 4 balance items and
 *     93 assets, then 97 assets, then 60)
 *     감가상각 (제49조②, 월할): each road 1,000,000 × 7 / 240 = 29,166 → 250 × 29,166 = 7,291,500
 *                              the purchase 1,200,000 × 9 / 60 (April–December of 5 years) = 180,000
 */
const crash = vi.hoisted(() => ({ partsLeft: Number.POSITIVE_INFINITY }));
vi.mock('#shared/stores/table/transact.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#shared/stores/table/transact.ts')>();
  return {
    ...actual,
    transact: (named: Parameters<typeof actual.transact>[0]) => {
      if ('part' in named && crash.partsLeft-- <= 0) throw new Error('injected crash between two parts');
      return actual.transact(named);
    },
  };
});

await useTestStack();

const GOV = '11140';
const YEAR = 2026;
const c = officials(GOV);
const ROAD = 'E.GEN.P01.U01.D001.401-01';
const EQUIPMENT = 'E.GEN.P02.U02.D002.405-01';

const adjust = (body: object) => callRoute(recordAdjustingEntries, { params: { gov: GOV, year: YEAR }, body, caller: c.chief });
const roads = {
  kind: 'construction-completion',
  completions: Array.from({ length: 250 }, (_, i) => ({
    assetId: `ROAD-${String(i).padStart(3, '0')}`,
    fund: 'GEN',
    assetAccount: '1501',
    amount: 1_000_000,
    completedOn: '2026-06-30',
    usefulLifeYears: 20,
    structureType: 'program',
    function: '120',
  })),
};

let keys = 0;
async function applied(route: (typeof execution)[keyof typeof execution], caller: typeof c.chief, params: object, body: object) {
  const accepted = await callRoute(route, {
    caller,
    params: { gov: GOV, year: YEAR, ...params } as Record<string, string | number>,
    body,
    headers: { 'Idempotency-Key': `parts-${++keys}` },
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  await drainPostings();
  const status = await callRoute(execution.getPosting, { caller, params: { gov: GOV, postingId: accepted.body.postingId } });
  expect(status.body.status, JSON.stringify(status.body)).toBe('applied');
  return String(accepted.body.postingId);
}

let bought = '';
beforeAll(async () => {
  await setUpAccounts(GOV, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(GOV, YEAR, 'original', [
    expenditure({ statItem: '401-01', sector: '121', amount: 250_000_000, assetClass: 'infrastructure' }),
    expenditure({ policyCode: 'P02', unitCode: 'U02', detailCode: 'D002', statItem: '405-01', amount: 2_000_000, assetClass: 'general' }),
    reserve(2_000_000), // the 일반회계's 예비비 (지방재정법 §43①), never spent
    revenue({ amount: 254_000_000 }),
  ]);
  await allot(GOV, YEAR, ROAD, 250_000_000);
  await allot(GOV, YEAR, EQUIPMENT, 2_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-03', 250_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-04', 1_200_000);
  await spend(GOV, YEAR, ROAD, 250_000_000, '2026-03-10');
  bought = (await spend(GOV, YEAR, EQUIPMENT, 1_200_000, '2026-04-15'))[1]!.postingId;
  const commitment = await applied(
    execution.createCommitment,
    c.financeOfficer,
    {},
    {
      lineId: EQUIPMENT,
      amount: 600_000,
      counterparty: '(주)장비',
      contractRef: 'C-EQ-2',
      date: '2026-05-20',
    },
  );
  const resolution = await applied(
    execution.resolvePayment,
    c.financeOfficer,
    { commitmentId: commitment },
    { amount: 600_000, date: '2026-05-20' },
  );
  await applied(execution.correctPosting, c.financeOfficer, { postingId: resolution }, { date: '2026-05-21', reason: '잘못된 결의' });
}, 240_000);

const register = async () => (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
/** GEN's year totals of an account from the running balances (what the closing reads). */
async function totalOf(account: string) {
  const { totals } = await readLedgerTotals({ gov: GOV, period: periodOf('year-end', String(YEAR)) });
  return totals
    .filter((t) => t.fund === 'GEN' && t.account === account)
    .reduce((sum, t) => ({ debit: sum.debit + BigInt(t.debit), credit: sum.credit + BigInt(t.credit) }), { debit: 0n, credit: 0n });
}

describe('405 purchases into the asset register', () => {
  it('registers the year’s purchase with its account’s useful life; the corrected one is not an asset', async () => {
    const withoutLife = await adjust({ kind: 'acquisitions', lives: [] });
    expect({ status: withoutLife.status, ...withoutLife.body }).toMatchObject({
      status: 422,
      code: 'adjustment-not-possible',
      context: { missingAccounts: ['1308'] },
    });
    const registered = await adjust({ kind: 'acquisitions', lives: [{ assetAccount: '1308', usefulLifeYears: 5 }] });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body).toMatchObject({ entries: [], assetIds: [bought] });
    expect(await register()).toEqual([
      {
        assetId: bought,
        fund: 'GEN',
        account: '1308',
        cost: '1200000',
        residual: '0',
        inService: '2026-04-15',
        usefulLifeYears: 5,
        structureType: '정책사업',
        function: '010',
        registeredYear: 2026,
      },
    ]);
  });
});

describe('a 결산정리분개 beyond one transaction', () => {
  it('writes 250 completions in parts; after a crash between parts the same request completes them once', async () => {
    crash.partsLeft = 1;
    const crashed = await adjust(roads);
    expect(crashed.status).toBe(500);
    // The first part is in the books (the 250 entries share four balance items, so it carries them
    // all, with the first assets); the other assets are not.
    crash.partsLeft = Number.POSITIVE_INFINITY;
    expect(await totalOf('1501')).toEqual({ debit: 250_000_000n, credit: 0n });
    const partial = (await register()).length;
    expect(partial).toBeGreaterThan(1);
    expect(partial).toBeLessThan(251);

    // The year-end closing waits for it: refused when asked (even as a backfill), and the marker's own
    // write is conditioned on no pending plan (a plan made between the check and the freeze).
    const closing = await callRoute(requestClosing, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'year-end', period: String(YEAR), backfill: true },
      caller: c.chief,
    });
    expect({ status: closing.status, ...closing.body }).toMatchObject({
      status: 409,
      code: 'adjustment-pending',
      context: { pendingKinds: ['construction-completion'] },
    });
    const yearEnd = { gov: GOV, period: { ...periodOf('year-end', String(YEAR)), year: YEAR } };
    expect(await closePeriod(yearEnd, systemRequest('race', new Date('2027-02-11T00:00:00Z')), true)).toBe('adjustment-pending');
    expect(await markerState(GOV, YEAR, 'YEAR')).toBeUndefined();

    const completed = await adjust(roads);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.entries).toHaveLength(250);
    expect(completed.body.assetIds).toHaveLength(250);
    expect(await totalOf('1501')).toEqual({ debit: 250_000_000n, credit: 0n });
    expect((await totalOf('1507')).credit).toBe(250_000_000n);
    expect(await register()).toHaveLength(251);
    expect(await pendingAdjustmentKinds(GOV, YEAR)).toEqual([]);

    // Again: answered from the record, nothing written twice.
    const again = await adjust(roads);
    expect(again.status).toBe(200);
    expect(again.body.recordedAt).toBe(completed.body.recordedAt);
    expect(await totalOf('1501')).toEqual({ debit: 250_000_000n, credit: 0n });
  });

  it('depreciates the 250 roads and the purchase by the month they entered service', async () => {
    const depreciation = await adjust({ kind: 'depreciation' });
    expect(depreciation.status, JSON.stringify(depreciation.body)).toBe(200);
    const charged = (account: string) => depreciation.body.entries.flatMap((e: any) => e.lines).filter((l: any) => l.account === account);
    const sum = (lines: { debit: number; credit: number }[]) => lines.reduce((s, l) => s + l.debit + l.credit, 0);
    expect(sum(charged('1508'))).toBe(250 * 29_166);
    expect(sum(charged('1310'))).toBe(180_000);
    expect((await totalOf('5103')).debit).toBe(BigInt(250 * 29_166 + 180_000));
  });
});
