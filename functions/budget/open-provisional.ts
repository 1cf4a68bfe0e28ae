import { apiHandler } from '#shared/http/api-handler.ts';
import { openProvisionalBudget as openProvisional } from '#shared/stores/budget/provisional.ts';
import { openProvisionalBudget } from '#shared/routes/budget.ts';

export const handler = apiHandler(openProvisionalBudget, async ({ params, request }) => ({
  body: await openProvisional(request, params.gov, params.year),
}));
