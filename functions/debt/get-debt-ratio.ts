import { debtRatio } from '#shared/domain/debt/debt-ratio.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { finalBudgetTotal, outstandingOf } from '#shared/stores/debt/ratios.ts';
import { getDebtRatio } from '#shared/routes/debt.ts';

export const handler = apiHandler(getDebtRatio, async ({ params, query }) => {
  const [outstanding, budget] = await Promise.all([outstandingOf(params.gov), finalBudgetTotal(params.gov, query.year)]);
  const computed = budget === null ? { ratio: null, band: null, bandName: null } : debtRatio(outstanding, budget);
  return { body: { gov: params.gov, year: query.year, outstanding, budget, ...computed } };
});
