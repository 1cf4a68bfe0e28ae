import { getNationalDebtRatios as nationalDebtRatiosOf } from '#shared/application/debt/get-national-debt-ratios.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getNationalDebtRatios } from '#shared/routes/debt.ts';

export const handler = apiHandler(getNationalDebtRatios, async ({ params }) => ({ body: await nationalDebtRatiosOf(params.year) }));
