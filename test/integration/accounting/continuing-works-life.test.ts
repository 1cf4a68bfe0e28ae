import { beforeAll, describe, expect, it } from 'vitest';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { allot, fund, officials, setUpAccounts, spend } from '#test/integration/accounting/support.ts';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * Works built under a 계속비 (지방재정법 §42) are completed with the 내용연수 the 계속비 declares
 * (회계기준규칙 제49조②, 제50조①: 정액법 needs a life), read from the 예산총칙 of the final budget that
 * declared it; its 401 line declares none.
 *
 *   GEN 401-01 교량 (사회기반시설, 부문 121 → 기능 120), no usefulLifeYears; 예산총칙 계속비 CE-1 on it,
 *     2026 1,200,000 + 2027 800,000, 30 years; paid 1,200,000 on 03-12               Dr 1507 / Cr 2101 …
 *   준공 2026-06-30 of BRIDGE-1, 1,200,000 naming CE-1 (2026): Dr 1501 / Cr 1507, 30 years in the register
 *   감가상각 (월할 from June: 7 of 360 months): 1,200,000 × 7 / 360 = 23,333.33 → 23,333
 */
await useTestStack();

const GOV = '11230';
const YEAR = 2026;
const c = officials(GOV);
const BRIDGE = 'E.GEN.P01.U01.D001.401-01';

beforeAll(async () => {
  await setUpAccounts(GOV, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(
    GOV,
    YEAR,
    'original',
    [
      expenditure({
        account: 'GEN',
        policyCode: 'P01',
        unitCode: 'U01',
        detailCode: 'D001',
        statItem: '401-01',
        sector: '121',
        amount: 1_200_000,
        assetClass: 'infrastructure',
      }),
      reserve(12_000), // the 일반회계's 예비비 (지방재정법 §43①), never spent
      revenue({ amount: 1_212_000 }),
    ],
    [],
    {
      continuingExpenditures: [
        {
          id: 'CE-1',
          name: '교량 건설',
          lineId: BRIDGE,
          total: 2_000_000,
          years: [
            { year: 2026, amount: 1_200_000 },
            { year: 2027, amount: 800_000 },
          ],
          usefulLifeYears: 30,
        },
      ],
    },
  );
  await allot(GOV, YEAR, BRIDGE, 1_200_000);
  await fund(GOV, YEAR, 'GEN', '2026-03', 1_200_000);
  await spend(GOV, YEAR, BRIDGE, 1_200_000, '2026-03-12');
}, 240_000);

const completion = (continuingExpenditure: object) => ({
  kind: 'construction-completion',
  completions: [
    {
      assetId: 'BRIDGE-1',
      fund: 'GEN',
      assetAccount: '1501',
      amount: 1_200_000,
      completedOn: '2026-06-30',
      continuingExpenditure,
      structureType: 'program',
      function: '120',
    },
  ],
});
const adjust = (body: object) => callRoute(recordAdjustingEntries, { params: { gov: GOV, year: YEAR }, body, caller: c.chief });

describe('the completion of works built under a 계속비', () => {
  it('refuses a 계속비 the named year’s 예산총칙 does not declare; nothing is recorded', async () => {
    const unknown = await adjust(completion({ year: YEAR, id: 'CE-9' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'continuing-expenditure-not-found' });
    const register = (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as unknown[];
    expect(register).toEqual([]);
  });

  it('takes the 계속비’s useful life when its line declares none, and depreciates by it', async () => {
    const completed = await adjust(completion({ year: YEAR, id: 'CE-1' }));
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const register = (await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief })).body.items as any[];
    expect(register.map((a) => [a.assetId, a.account, a.cost, a.usefulLifeYears])).toEqual([['BRIDGE-1', '1501', '1200000', 30]]);
    const depreciation = await adjust({ kind: 'depreciation' });
    expect(depreciation.status, JSON.stringify(depreciation.body)).toBe(200);
    expect(depreciation.body.entries[0].lines).toEqual([
      { account: '5103', debit: 23_333, credit: 0, function: '120' },
      { account: '1508', debit: 0, credit: 23_333 },
    ]);
  });
});
