import { nationalDebtView } from '#shared/domain/debt/national-view.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { budgetTotalsByGovernment, outstandingByGovernment } from '#shared/stores/debt/ratios.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { getNationalDebtRatios } from '#shared/routes/debt.ts';

export const handler = apiHandler(getNationalDebtRatios, async ({ params }) => {
  const [governments, outstanding, budgets] = await Promise.all([
    listGovernments(),
    outstandingByGovernment(),
    budgetTotalsByGovernment(params.year),
  ]);
  return { body: { year: params.year, ...nationalDebtView(governments, outstanding, budgets) } };
});
