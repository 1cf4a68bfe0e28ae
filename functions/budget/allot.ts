import { apiHandler } from '#shared/http/api-handler.ts';
import { allot } from '#shared/stores/budget/allotments.ts';
import { allotBudget } from '#shared/routes/budget.ts';

export const handler = apiHandler(allotBudget, async ({ params, body, request }) => {
  const { allotment, replay } = await allot(request, params.gov, params.year, body);
  return { status: replay ? 200 : 201, body: allotment };
});
