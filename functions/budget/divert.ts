import { divert } from '#shared/application/budget/divert.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { divertBudget } from '#shared/routes/budget.ts';

export const handler = apiHandler(divertBudget, async ({ params, body, request }) => {
  const { posting, replay } = await divert(request, params.gov, params.year, body);
  return { status: replay ? 200 : 201, body: posting };
});
