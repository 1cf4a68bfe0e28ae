import { recodeExecution } from '#shared/routes/budget.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { allot, setUpAccounts } from '#test/integration/accounting/support.ts';
import { callRoute } from '#test/support/api.ts';

/**
 * The budget of the 과목경정 tests of asset purchases: GEN P02 405-01 장비 (일반유형자산 → 1308, 8 years,
 * 2,000,000), 405-02 (주민편의시설 → 1405, 20 years, 1,000,000) and 201-01 (an expense, 1,000,000), allotted; a 예비비 of 40,000 (지방재정법 §43①).
 */
export const EQUIPMENT = 'E.GEN.P02.U02.D002.405-01';
export const FACILITY = 'E.GEN.P02.U02.D002.405-02';
export const SUPPLIES = 'E.GEN.P02.U02.D002.201-01';

export async function equipmentBudget(gov: string, year: number): Promise<void> {
  const inP02 = { policyCode: 'P02', unitCode: 'U02', detailCode: 'D002' };
  await setUpAccounts(gov, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(gov, year, 'original', [
    expenditure({ ...inP02, statItem: '405-01', amount: 2_000_000, assetClass: 'general', usefulLifeYears: 8 }),
    expenditure({ ...inP02, statItem: '405-02', amount: 1_000_000, assetClass: 'resident-facility', usefulLifeYears: 20 }),
    expenditure({ ...inP02, statItem: '201-01', amount: 1_000_000 }),
    reserve(40_000),
    revenue({ amount: 4_040_000 }),
  ]);
  for (const line of [EQUIPMENT, FACILITY, SUPPLIES]) await allot(gov, year, line, line === EQUIPMENT ? 2_000_000 : 1_000_000);
}

/** The head recodes `amount` paid on 405-01 to another line (what the client receives). */
export const recodeEquipment = (gov: string, year: number, to: string, amount: number, reference: string) =>
  callRoute(recodeExecution, {
    params: { gov, year },
    body: { from: EQUIPMENT, to, amount, reference, reason: '장비 구입 과목 착오' },
    caller: { sub: `head-${gov}`, roles: ['head'], gov },
  });
