import { statutoryDebtOf } from '#shared/application/debt/get-debt-ratio.ts';
import { nationalDebtView } from '#shared/domain/debt/national-view.ts';
import { budgetTotalsByGovernment, outstandingByGovernment } from '#shared/stores/debt/ratios.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { forEachParallel } from '#shared/stores/table/batch-write.ts';

/**
 * Every government's debt ratio of a year, its 채무 counted at the year's last day (as the
 * per-government ratio is by default), never today's debt applied to the year. Only governments
 * with a register total or a final budget can have 채무, so only those registers are read, 16 at a time.
 */
export async function getNationalDebtRatios(year: number) {
  const [governments, registers, budgets] = await Promise.all([
    listGovernments(),
    outstandingByGovernment(),
    budgetTotalsByGovernment(year),
  ]);
  const outstanding = new Map<string, bigint>();
  await forEachParallel([...new Set([...registers.keys(), ...budgets.keys()])], 16, async (gov) => {
    outstanding.set(gov, (await statutoryDebtOf(gov, year, `${year}-12-31`)).debt.total);
  });
  return { year, asOf: `${year}-12-31`, ...nationalDebtView(governments, outstanding, budgets) };
}
