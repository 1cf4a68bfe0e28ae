import { beforeAll, describe, expect, it } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { reverseBudgetChange } from '#shared/routes/budget.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { readLedgerTotals } from '#shared/stores/settlement/inputs.ts';
import { fund, officials, spend } from '#test/integration/accounting/support.ts';
import { EQUIPMENT, equipmentBudget, FACILITY, recodeEquipment, SUPPLIES } from '#test/integration/accounting/equipment-lines.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * A 과목경정 after the 결산정리 put the year's purchases into the asset register moves the registered
 * assets with the books (회계기준규칙 제49조①, 제60조②: a 계정분류의 오류 is corrected), in the recoding's
 * transaction; once the year's depreciation is recorded it is refused (the charge would need reversing):
 *
 *   GEN P02 405-01 장비 (일반유형자산 → 1308, 8 years): p1 bought 700,000 on 04-15; registered (결산정리)
 *   K-1  405-01 → 405-02 (주민편의시설 → 1405, 20 years) 200,000: p1 500,000; a new asset K-1.to.p1 on 1405,
 *        200,000 in service since 04-15, 20 years                     Cr 1308 / Dr 1405 200,000 (the recoding)
 *   K-2  405-01 → 201-01 (an expense) 100,000: p1 400,000               Cr 1308 / Dr 5102 100,000
 *   reversal of K-1: p1 600,000, K-1.to.p1 leaves the register          Dr 1308 / Cr 1405 200,000
 *   감가상각 (제49조②, 월할): p1 600,000 × 9 / 96 = 56,250 (1310); 1308 on the books = 600,000 = the register
 *   K-3 after the depreciation: refused 409 recoding-after-register, nothing moves
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
const register = async () =>
  ((await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[])
    .map((a) => [a.assetId, a.account, a.cost, a.inService, a.usefulLifeYears])
    .sort();
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

  it('depreciates what the register holds, and refuses a recoding once the depreciation is recorded', async () => {
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
    const late = await recode(SUPPLIES, 100_000, 'K-3');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'recoding-after-register', context: { year: YEAR } });
    expect(await register()).toEqual([[p1, '1308', '600000', '2026-04-15', 8]]);
    expect(await ledger('1308')).toBe(600_000n);
  });
});
