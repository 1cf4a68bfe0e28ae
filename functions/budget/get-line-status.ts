import { getLineStatus } from '#shared/application/budget/get-line-status.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getBudgetLineStatus } from '#shared/routes/budget.ts';

export const handler = apiHandler(getBudgetLineStatus, async ({ params }) => ({
  body: await getLineStatus(params.gov, params.year, params.lineId),
}));
