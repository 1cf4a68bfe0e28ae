import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { allot, fund, officials, setUpAccounts, spend } from '#test/integration/accounting/support.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * The 결산정리 `acquisitions` reads the year's asset purchases and writes the register's plan; a 지출결의
 * of a 405 purchase applied between the read and the write (the postings consumer runs until 출납폐쇄)
 * must not be left out of the register. The plan's write is conditioned on the acquisitions' version
 * item (raised by every transaction that writes acquisitions): the late purchase fails the condition and
 * the entry reads again. The race is injected: right after the first read of the acquisitions, a second
 * purchase goes through the execution routes and the postings consumer.
 *
 *   GEN 405-01 장비 (일반유형자산 → 1308, 8 years): p1 700,000 on 04-15; p2 300,000 on 06-10 (the late one)
 */
const race = vi.hoisted(() => ({ between: undefined as undefined | (() => Promise<void>), reads: 0 }));
vi.mock('#shared/stores/execution/acquisitions.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#shared/stores/execution/acquisitions.ts')>();
  return {
    ...actual,
    readAcquisitions: async (gov: string, year: number) => {
      const read = await actual.readAcquisitions(gov, year);
      race.reads++;
      const between = race.between;
      race.between = undefined;
      await between?.();
      return read;
    },
  };
});

await useTestStack();

const GOV = '11215';
const YEAR = 2026;
const c = officials(GOV);
const EQUIPMENT = 'E.GEN.P02.U02.D002.405-01';

let p1 = '';
let p2 = '';
beforeAll(async () => {
  await setUpAccounts(GOV, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(GOV, YEAR, 'original', [
    expenditure({
      policyCode: 'P02',
      unitCode: 'U02',
      detailCode: 'D002',
      statItem: '405-01',
      amount: 2_000_000,
      assetClass: 'general',
      usefulLifeYears: 8,
    }),
    reserve(20_000), // the 일반회계's 예비비 (지방재정법 §43①), never spent
    revenue({ amount: 2_020_000 }),
  ]);
  await allot(GOV, YEAR, EQUIPMENT, 2_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-04', 700_000);
  await fund(GOV, YEAR, 'GEN', '2026-06', 300_000);
  p1 = (await spend(GOV, YEAR, EQUIPMENT, 700_000, '2026-04-15'))[1]!.postingId;
}, 240_000);

describe('the acquisitions entry against a purchase applied between its read and its plan', () => {
  it('reads again and registers the late purchase too', async () => {
    race.between = async () => {
      p2 = (await spend(GOV, YEAR, EQUIPMENT, 300_000, '2026-06-10'))[1]!.postingId;
    };
    const registered = await callRoute(recordAdjustingEntries, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'acquisitions' },
      caller: c.chief,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(race.reads).toBe(2);
    expect([...registered.body.assetIds].sort()).toEqual([p1, p2].sort());
    const register = (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
    expect(register.map((a) => [a.assetId, a.account, a.cost, a.inService]).sort()).toEqual(
      [
        [p1, '1308', '700000', '2026-04-15'],
        [p2, '1308', '300000', '2026-06-10'],
      ].sort(),
    );
  });
});
