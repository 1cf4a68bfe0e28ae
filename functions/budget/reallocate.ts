import { reallocate } from '#shared/application/budget/reallocate.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reallocateBudget } from '#shared/routes/budget.ts';

export const handler = apiHandler(reallocateBudget, async ({ params, body, request }) => {
  const { posting, replay } = await reallocate(request, params.gov, params.year, body);
  return { status: replay ? 200 : 201, body: posting };
});
