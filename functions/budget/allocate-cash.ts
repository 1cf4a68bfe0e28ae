import { apiHandler } from '#shared/http/api-handler.ts';
import { allocateCash as allocate } from '#shared/stores/budget/cash.ts';
import { allocateCash } from '#shared/routes/budget.ts';

export const handler = apiHandler(allocateCash, async ({ params, body, request }) => ({
  body: await allocate(request, params.gov, params.year, body),
}));
