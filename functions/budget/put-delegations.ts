import { setDelegations } from '#shared/application/budget/put-delegations.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { putBudgetDelegations } from '#shared/routes/budget.ts';

export const handler = apiHandler(putBudgetDelegations, async ({ params, body, request }) => ({
  body: await setDelegations(request, params.gov, body.delegations),
}));
