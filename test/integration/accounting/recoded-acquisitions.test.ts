import { beforeAll, describe, expect, it } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { reverseBudgetChange } from '#shared/routes/budget.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { readAcquisitions } from '#shared/stores/execution/acquisitions.ts';
import { readDepreciationRecharges } from '#shared/stores/settlement/depreciation-recharges.ts';
import { readLedgerTotals } from '#shared/stores/settlement/inputs.ts';
import { fund, officials, spend } from '#test/integration/accounting/support.ts';
import { EQUIPMENT, equipmentBudget, FACILITY, recodeEquipment, SUPPLIES } from '#test/integration/accounting/equipment-lines.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * A 과목경정 of a 405 purchase moves its acquisition with the journal, in the recoding's transaction
 * (회계기준규칙 제49조①: the register carries what the asset accounts carry):
 *
 *   GEN P02 405-01 장비 (일반유형자산 → 1308): bought 700,000 on 04-15 (p1) and 500,000 on 06-10 (p2)
 *   K-1  405-01 → 201-01 (an expense) 600,000: p2 leaves whole (latest first), p1 by 100,000  Cr 1308 / Dr 5102
 *   K-2  405-01 → 405-02 (주민편의시설 → 1405) 200,000: p1 by 200,000, acquired on 1405 dated 04-15
 *   reversal of K-1: p2 500,000 and p1's 100,000 come back
 *   net: p1 700,000 − 200,000 = 500,000; p2 500,000 (1308 = 1,000,000); K-2's 200,000 on 1405
 *
 * Each line declares its 내용연수 (405-01 8 years, 405-02 20 years): the purchases carry it, the moved
 * part takes the right line's, and the 결산정리 needs no life per account. 감가상각 (제49조②, 월할):
 *   p1 500,000 × 9 / 96 = 46,875; p2 500,000 × 7 / 96 = 36,458.33 → 36,458 (1310: 83,333);
 *   K-2 200,000 × 9 / 240 = 7,500 (1407)
 * After the depreciation a recoding moves the register and corrects the charge (회계기준규칙 제60조②):
 *   K-3 405-01 → 201-01 100,000: p2 400,000 (400,000 × 7 / 96 = 29,166): Dr 1310 7,292 / Cr 5103 7,292
 *   reversal of K-2: p1 700,000 (65,625), K-2.to.p1 leaves: Cr 1310 18,750 / Dr 1407 7,500 / Dr 5103 11,250
 *   after: 1308 1,100,000, 1310 −94,791 (= 65,625 + 29,166), 1405 and 1407 0
 */
await useTestStack();

const GOV = '11170';
const YEAR = 2026;
const c = officials(GOV);
const head: TestCaller = { sub: `head-${GOV}`, roles: ['head'], gov: GOV };

let p1 = '';
let p2 = '';
beforeAll(async () => {
  await equipmentBudget(GOV, YEAR);
  await fund(GOV, YEAR, 'GEN', '2026-04', 700_000);
  await fund(GOV, YEAR, 'GEN', '2026-06', 500_000);
  p1 = (await spend(GOV, YEAR, EQUIPMENT, 700_000, '2026-04-15'))[1]!.postingId;
  p2 = (await spend(GOV, YEAR, EQUIPMENT, 500_000, '2026-06-10'))[1]!.postingId;
}, 240_000);

const recode = async (to: string, amount: number, reference: string) => {
  const result = await recodeEquipment(GOV, YEAR, to, amount, reference);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body;
};
/** Each purchase's net amount per (line, account) as the 결산정리 will read it. */
const netByAsset = async () => {
  const records = await readAcquisitions(GOV, YEAR);
  const net = new Map<string, number>();
  for (const r of records) {
    const id = r.reverses ?? r.postingId;
    net.set(id, (net.get(id) ?? 0) + r.amount);
  }
  return Object.fromEntries([...net].filter(([, amount]) => amount !== 0));
};
const ledger = async (account: string) => {
  const { totals } = await readLedgerTotals({ gov: GOV, period: periodOf('year-end', String(YEAR)) });
  return totals.filter((t) => t.account === account).reduce((sum, t) => sum + BigInt(t.debit) - BigInt(t.credit), 0n);
};

describe('a 과목경정 of a 405 purchase', () => {
  it('takes the purchases off the register when recoded to an expense, latest first', async () => {
    const recoded = await recode(SUPPLIES, 600_000, 'K-1');
    expect(recoded.journal.lines).toEqual([
      { account: '1308', debit: 0, credit: 600_000 },
      { account: '2101', debit: 600_000, credit: 0 },
      { account: '5102', debit: 600_000, credit: 0, function: '010' },
      { account: '2101', debit: 0, credit: 600_000 },
    ]);
    expect(await netByAsset()).toEqual({ [p1]: 600_000 });
    expect(await ledger('1308')).toBe(600_000n);
  });

  it('moves a purchase onto the right asset account with its purchase date', async () => {
    await recode(FACILITY, 200_000, 'K-2');
    expect(await netByAsset()).toEqual({ [p1]: 400_000, [`recoding.K-2.to.${p1}`]: 200_000 });
    const moved = (await readAcquisitions(GOV, YEAR)).find((a) => a.postingId === `recoding.K-2.to.${p1}`);
    expect(moved).toMatchObject({ lineId: FACILITY, account: '1405', amount: 200_000, date: '2026-04-15', usefulLifeYears: 20 });
  });

  it('gives the purchases back when the recoding is reversed; the register equals the asset accounts', async () => {
    const reversed = await callRoute(reverseBudgetChange, {
      params: { gov: GOV, year: YEAR, changeId: 'recoding.K-1' },
      body: { reference: 'K-1-R', reason: '과목경정 취소' },
      caller: head,
    });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(await netByAsset()).toEqual({ [p1]: 500_000, [p2]: 500_000, [`recoding.K-2.to.${p1}`]: 200_000 });
    expect(await ledger('1308')).toBe(1_000_000n);
    expect(await ledger('1405')).toBe(200_000n);

    const registered = await callRoute(recordAdjustingEntries, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'acquisitions' },
      caller: c.chief,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const register = (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
    expect(register.map((a) => [a.assetId, a.account, a.cost, a.inService, a.usefulLifeYears]).sort()).toEqual(
      [
        [p1, '1308', '500000', '2026-04-15', 8],
        [p2, '1308', '500000', '2026-06-10', 8],
        [`recoding.K-2.to.${p1}`, '1405', '200000', '2026-04-15', 20],
      ].sort(),
    );

    // the depreciation charges each asset over the life its line declared
    const depreciation = await callRoute(recordAdjustingEntries, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'depreciation' },
      caller: c.chief,
    });
    expect(depreciation.status, JSON.stringify(depreciation.body)).toBe(200);
    const credited = (account: string) =>
      depreciation.body.entries
        .flatMap((e: { lines: { account: string; credit: number }[] }) => e.lines)
        .filter((l: { account: string }) => l.account === account)
        .reduce((sum: number, l: { credit: number }) => sum + l.credit, 0);
    expect(credited('1310')).toBe(46_875 + 36_458);
    expect(credited('1407')).toBe(7_500);
  });

  it('moves registered purchases after the depreciation, and corrects the charge on each class', async () => {
    const late = await recodeEquipment(GOV, YEAR, SUPPLIES, 100_000, 'K-3');
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const undo = await callRoute(reverseBudgetChange, {
      params: { gov: GOV, year: YEAR, changeId: 'recoding.K-2' },
      body: { reference: 'K-2-R', reason: '과목경정 취소' },
      caller: head,
    });
    expect(undo.status, JSON.stringify(undo.body)).toBe(201);
    const register = (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
    expect(register.map((a) => [a.assetId, a.account, a.cost]).sort()).toEqual(
      [
        [p1, '1308', '700000'],
        [p2, '1308', '400000'],
      ].sort(),
    );
    const recharges = Object.fromEntries(
      (await readDepreciationRecharges(GOV, YEAR)).map((r) => [
        r.changeId,
        r.entries.flatMap((e) => e.lines.map(({ account, debit, credit }) => ({ account, debit, credit }))),
      ]),
    );
    expect(recharges).toEqual({
      'recoding.K-3': [
        { account: '1310', debit: 7_292, credit: 0 },
        { account: '5103', debit: 0, credit: 7_292 },
      ],
      'recoding.K-2~R': [
        { account: '1310', debit: 0, credit: 18_750 },
        { account: '1407', debit: 7_500, credit: 0 },
        { account: '5103', debit: 11_250, credit: 0 },
      ],
    });
    expect(await ledger('1308')).toBe(1_100_000n);
    expect(await ledger('1310')).toBe(-94_791n);
    expect(await ledger('1405')).toBe(0n);
    expect(await ledger('1407')).toBe(0n);
  });
});
