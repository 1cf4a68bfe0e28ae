import { transfer } from '#shared/application/budget/transfer.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { transferBudget } from '#shared/routes/budget.ts';

export const handler = apiHandler(transferBudget, async ({ params, body, request }) => {
  const { posting, replay } = await transfer(request, params.gov, params.year, body);
  return { status: replay ? 200 : 201, body: posting };
});
