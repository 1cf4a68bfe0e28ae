import { allot } from '#shared/application/budget/allot.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { allotBudget } from '#shared/routes/budget.ts';
import { closedPeriodSource } from '#shared/wiring/budget-closed-periods.ts';

export const handler = apiHandler(allotBudget, async ({ params, body, request }) => {
  const { posting, replay } = await allot(request, params.gov, params.year, body, closedPeriodSource);
  return { status: replay ? 200 : 201, body: posting };
});
