import { beforeAll, describe, expect, it } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { reverseBudgetChange } from '#shared/routes/budget.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { readDepreciationRecharges } from '#shared/stores/settlement/depreciation-recharges.ts';
import { readLedgerTotals } from '#shared/stores/settlement/inputs.ts';
import { fund, officials, spend } from '#test/integration/accounting/support.ts';
import { EQUIPMENT, equipmentBudget, FACILITY, recodeEquipment, SUPPLIES } from '#test/integration/accounting/equipment-lines.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * A 과목경정 after the 결산정리 put the year's purchases into the asset register moves the registered
 * assets with the books (회계기준규칙 제49조①, 제60조②: a 계정분류의 오류 is corrected), in the recoding's
 * transaction; once the year's depreciation is recorded the move also reverses the charge on the old class
 * and charges it again on the new one (dated 31 December, kept beside the depreciation):
 *
 *   GEN P02 405-01 장비 (일반유형자산 → 1308, 8 years): p1 bought 700,000 on 04-15; registered (결산정리)
 *   K-1  405-01 → 405-02 (주민편의시설 → 1405, 20 years) 200,000: p1 500,000; a new asset K-1.to.p1 on 1405,
 *        200,000 in service since 04-15, 20 years                     Cr 1308 / Dr 1405 200,000 (the recoding)
 *   K-2  405-01 → 201-01 (an expense) 100,000: p1 400,000               Cr 1308 / Dr 5102 100,000
 *   reversal of K-1: p1 600,000, K-1.to.p1 leaves the register          Dr 1308 / Cr 1405 200,000
 *   감가상각 (제49조②, 월할): p1 600,000 × 9 / 96 = 56,250 (1310); 1308 on the books = 600,000 = the register
 *   K-3 after the depreciation, 405-01 → 201-01 100,000: p1 500,000 (charge 500,000 × 9 / 96 = 46,875)
 *        correction Dr 1310 9,375 / Cr 5103 9,375 (56,250 − 46,875)
 *   K-4 405-01 → 405-02 200,000: p1 300,000 (charge 28,125); K-4.to.p1 200,000 on 1405 (200,000 × 9 / 240 = 7,500)
 *        correction Dr 1310 18,750 (46,875 − 28,125) / Cr 1407 7,500 / Cr 5103 11,250
 *   the books after: 1308 300,000, 1310 −28,125 (= 300,000 × 9 / 96), 1405 200,000, 1407 −7,500,
 *        5103 35,625 (= 28,125 + 7,500: the charge of what the register now holds)
 */
await useTestStack();

const GOV = '11260';
const YEAR = 2026;
const c = officials(GOV);
const head: TestCaller = { sub: `head-${GOV}`, roles: ['head'], gov: GOV };

let p1 = '';
beforeAll(async () => {
  await equipmentBudget(GOV, YEAR);
  await fund(GOV, YEAR, 'GEN', '2026-04', 700_000);
  p1 = (await spend(GOV, YEAR, EQUIPMENT, 700_000, '2026-04-15'))[1]!.postingId;
  const registered = await callRoute(recordAdjustingEntries, {
    params: { gov: GOV, year: YEAR },
    body: { kind: 'acquisitions' },
    caller: c.chief,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
}, 240_000);

const recode = (to: string, amount: number, reference: string) => recodeEquipment(GOV, YEAR, to, amount, reference);
const registerItems = async () => (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
const register = async () => (await registerItems()).map((a) => [a.assetId, a.account, a.cost, a.inService, a.usefulLifeYears]).sort();
const ledger = async (account: string) => {
  const { totals } = await readLedgerTotals({ gov: GOV, period: periodOf('year-end', String(YEAR)) });
  return totals.filter((t) => t.account === account).reduce((sum, t) => sum + BigInt(t.debit) - BigInt(t.credit), 0n);
};

describe('a 과목경정 of a registered purchase', () => {
  it('moves the part onto the right class as a new asset of the register, dated on the purchase', async () => {
    expect((await recode(FACILITY, 200_000, 'K-1')).status).toBe(201);
    expect(await register()).toEqual(
      [
        [p1, '1308', '500000', '2026-04-15', 8],
        [`recoding.K-1.to.${p1}`, '1405', '200000', '2026-04-15', 20],
      ].sort(),
    );
    // the read shows what the recoding moved and where the part came from
    const items = await registerItems();
    expect(items.find((a) => a.assetId === p1)).toMatchObject({ movedBy: 'recoding.K-1' });
    expect(items.find((a) => a.assetId === p1)).not.toHaveProperty('movedFrom');
    expect(items.find((a) => a.assetId === `recoding.K-1.to.${p1}`)).toMatchObject({ movedFrom: p1, movedBy: 'recoding.K-1' });
  });

  it('lowers the registered cost when recoded to an expense, and gives the part back on a reversal', async () => {
    expect((await recode(SUPPLIES, 100_000, 'K-2')).status).toBe(201);
    const reversed = await callRoute(reverseBudgetChange, {
      params: { gov: GOV, year: YEAR, changeId: 'recoding.K-1' },
      body: { reference: 'K-1-R', reason: '과목경정 취소' },
      caller: head,
    });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(await register()).toEqual([[p1, '1308', '600000', '2026-04-15', 8]]);
    expect(await ledger('1308')).toBe(600_000n);
    expect(await ledger('1405')).toBe(0n);
  });

  it('depreciates what the register holds, and a recoding after it corrects the charge on both classes', async () => {
    const depreciation = await callRoute(recordAdjustingEntries, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'depreciation' },
      caller: c.chief,
    });
    expect(depreciation.status, JSON.stringify(depreciation.body)).toBe(200);
    expect(depreciation.body.entries.flatMap((e: { lines: object[] }) => e.lines)).toContainEqual({
      account: '1310',
      debit: 0,
      credit: 56_250,
    });

    const toExpense = await recode(SUPPLIES, 100_000, 'K-3');
    expect(toExpense.status, JSON.stringify(toExpense.body)).toBe(201);
    expect(await register()).toEqual([[p1, '1308', '500000', '2026-04-15', 8]]);
    expect(await ledger('1310')).toBe(-46_875n);

    const toFacility = await recode(FACILITY, 200_000, 'K-4');
    expect(toFacility.status, JSON.stringify(toFacility.body)).toBe(201);
    expect(await register()).toEqual(
      [
        [p1, '1308', '300000', '2026-04-15', 8],
        [`recoding.K-4.to.${p1}`, '1405', '200000', '2026-04-15', 20],
      ].sort(),
    );
    expect((await registerItems()).find((a) => a.assetId === `recoding.K-4.to.${p1}`)).toMatchObject({
      movedFrom: p1,
      movedBy: 'recoding.K-4',
    });

    // the corrections, kept beside the depreciation, dated 31 December, each balanced
    const recharges = (await readDepreciationRecharges(GOV, YEAR)).sort((a, b) => a.changeId.localeCompare(b.changeId));
    const lines = (i: number) =>
      recharges[i]!.entries.flatMap((e) => e.lines.map(({ account, debit, credit }) => ({ account, debit, credit })));
    expect(recharges.map((r) => [r.changeId, r.entries.map((e) => [e.fund, e.date])])).toEqual([
      ['recoding.K-3', [['GEN', '2026-12-31']]],
      ['recoding.K-4', [['GEN', '2026-12-31']]],
    ]);
    expect(lines(0)).toEqual([
      { account: '1310', debit: 9_375, credit: 0 },
      { account: '5103', debit: 0, credit: 9_375 },
    ]);
    expect(lines(1)).toEqual([
      { account: '1310', debit: 18_750, credit: 0 },
      { account: '1407', debit: 0, credit: 7_500 },
      { account: '5103', debit: 0, credit: 11_250 },
    ]);

    // the books now charge what the register holds: p1 300,000 × 9 / 96 and the moved part 200,000 × 9 / 240
    expect(await ledger('1308')).toBe(300_000n);
    expect(await ledger('1310')).toBe(-28_125n);
    expect(await ledger('1405')).toBe(200_000n);
    expect(await ledger('1407')).toBe(-7_500n);
    expect(await ledger('5103')).toBe(35_625n);
  });
});
