import { requireFinalVersion } from '#shared/application/disclosure/final-version.ts';
import { summarise } from '#shared/domain/disclosure/budget-summary.ts';
import { expenditureAmounts, revenueAmounts } from '#shared/stores/disclosure/budget.ts';

/** The final budget of a government and year summarised for residents: revenue by category, expenditure by 분야. */
export async function getBudgetSummary(gov: string, year: number) {
  const version = await requireFinalVersion(gov, year);
  const [revenue, expenditure] = await Promise.all([revenueAmounts(version), expenditureAmounts(version)]);
  return { gov, year, version: version.number, ...summarise(revenue, expenditure) };
}
