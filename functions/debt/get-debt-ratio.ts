import { getDebtRatio as debtRatioOf } from '#shared/application/debt/get-debt-ratio.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getDebtRatio } from '#shared/routes/debt.ts';

export const handler = apiHandler(getDebtRatio, async ({ params, query }) => ({
  body: await debtRatioOf(params.gov, query.year, query.asOf),
}));
