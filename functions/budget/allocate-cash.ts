import { allocateCash as allocate } from '#shared/application/budget/allocate-cash.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { allocateCash } from '#shared/routes/budget.ts';
import { closedPeriodSource } from '#shared/wiring/budget-closed-periods.ts';

export const handler = apiHandler(allocateCash, async ({ params, body, request }) => {
  const { posting, replay } = await allocate(request, params.gov, params.year, body, closedPeriodSource);
  return { status: replay ? 200 : 201, body: posting };
});
