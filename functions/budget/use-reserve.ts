import { useReserve } from '#shared/application/budget/use-reserve.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { useBudgetReserve } from '#shared/routes/budget.ts';

export const handler = apiHandler(useBudgetReserve, async ({ params, body, request }) => {
  const { posting, replay } = await useReserve(request, params.gov, params.year, body);
  return { status: replay ? 200 : 201, body: posting };
});
