import { getLineHistory } from '#shared/application/budget/get-line-history.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getBudgetLineHistory } from '#shared/routes/budget.ts';

export const handler = apiHandler(getBudgetLineHistory, async ({ params }) => ({
  body: await getLineHistory(params.gov, params.year, params.lineId),
}));
