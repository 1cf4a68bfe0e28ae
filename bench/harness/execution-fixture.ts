import { lineIdOf } from '#shared/domain/budget/line-id.ts';
import { allocateCash, allotBudget } from '#shared/routes/budget.ts';
import type { BudgetLineInput } from '#shared/schemas/budget.ts';
import { budgetCsv, budgetOfficials, finalise, importCsv, openOriginalVersion, setUpStructure } from './budget-fixture.ts';
import { forEachConcurrently } from './concurrency.ts';
import { zipfGovernments } from './governments.ts';
import type { LocalApi } from './local-api.ts';

export const FISCAL_YEAR = 2026;
/** Postings are dated in the first quarter, which the fixture allots in full. */
export const POSTING_DATE = '2026-03-02';
export const CASH_MONTH = '2026-03';

export interface PreparedGovernment {
  readonly gov: string;
  /** Expenditure lines, final, allotted in full. */
  readonly lineIds: readonly string[];
  /** The revenue line of the budget. */
  readonly revenueLineId: string;
}

/** The id the budget module gives to the n-th expenditure line of budgetCsv (and its revenue line). */
function expenditureLineId(n: number): string {
  return lineIdOf({
    kind: 'expenditure',
    account: 'GEN',
    policyCode: `P${Math.floor(n / 1000)}`,
    unitCode: `U${Math.floor(n / 100)}`,
    detailCode: `D${n}`,
    statItem: '201-01',
  } as BudgetLineInput);
}
const revenueLineId = (): string => lineIdOf({ kind: 'revenue', account: 'GEN', category: '1', item: 'ACQTAX' } as BudgetLineInput);

/**
 * Final budgets through the real API, ready for execution: for each government a balanced budget
 * of `lines` lines (one of them revenue) of `amount` won each, imported, driven to final, every
 * expenditure line allotted in full for the first quarter, and cash allocated for the posting month.
 */
export async function prepareGovernments(
  api: LocalApi,
  govs: readonly string[],
  lines: number,
  amount: number,
  lanes = 4,
): Promise<PreparedGovernment[]> {
  const prepared: PreparedGovernment[] = [];
  await forEachConcurrently(govs, lanes, async (gov) => {
    const officials = await budgetOfficials(api, gov);
    await setUpStructure(officials, gov);
    const version = await openOriginalVersion(officials, gov, FISCAL_YEAR);
    await importCsv(officials, gov, FISCAL_YEAR, version, budgetCsv(lines, amount));
    await finalise(officials, gov, FISCAL_YEAR, version);
    const lineIds = Array.from({ length: lines - 1 }, (_, n) => expenditureLineId(n));
    for (const lineId of lineIds) {
      await officials.budgetOfficer.call(allotBudget, {
        params: { gov, year: FISCAL_YEAR },
        body: { lineId, quarter: 1, amount, kind: 'regular', reference: `bench-allot-${lineId.replace(/\./g, '_').slice(-30)}` },
      });
    }
    await officials.budgetOfficer.call(allocateCash, {
      params: { gov, year: FISCAL_YEAR },
      body: { fund: 'GEN', month: CASH_MONTH, amount: amount * (lines - 1), reference: 'bench-cash' },
    });
    prepared.push({ gov, lineIds, revenueLineId: revenueLineId() });
  });
  return prepared;
}

/** The expenditure lines of the first `governments` of the Zipf order, final and allotted: the targets of a posting load. */
export async function prepareLineTargets(
  api: LocalApi,
  governments: number,
  lines: number,
  log: (message: string) => void,
): Promise<{ gov: string; lineId: string }[]> {
  log(`preparing ${governments} final budgets of ${lines - 1} expenditure lines`);
  const prepared = await prepareGovernments(api, zipfGovernments().slice(0, governments), lines, 1_000_000_000_000);
  return prepared.flatMap(({ gov, lineIds }) => lineIds.map((lineId) => ({ gov, lineId })));
}
