import { summarise } from '#shared/domain/disclosure/budget-summary.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { expenditureAmounts, revenueAmounts } from '#shared/stores/disclosure/budget.ts';
import { requireFinalVersion, openDataHeaders } from '#shared/stores/disclosure/final-version.ts';
import { getDisclosedBudgetSummary } from '#shared/routes/disclosure.ts';

export const handler = apiHandler(getDisclosedBudgetSummary, async ({ params }) => {
  const version = await requireFinalVersion(params.gov, params.year);
  const [revenue, expenditure] = await Promise.all([revenueAmounts(version), expenditureAmounts(version)]);
  return {
    headers: openDataHeaders,
    body: { gov: params.gov, year: params.year, version: version.number, ...summarise(revenue, expenditure) },
  };
});
