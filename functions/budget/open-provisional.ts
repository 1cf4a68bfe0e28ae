import { openProvisionalBudget as openProvisional } from '#shared/application/budget/open-provisional-budget.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { openProvisionalBudget } from '#shared/routes/budget.ts';
import { carryInSource } from '#shared/wiring/budget-carry-ins.ts';

export const handler = apiHandler(openProvisionalBudget, async ({ params, request }) => ({
  body: await openProvisional(request, params.gov, params.year, carryInSource),
}));
