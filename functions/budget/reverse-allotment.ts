import { reverseAllotment as reverse } from '#shared/application/budget/reverse-allotment.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseAllotment } from '#shared/routes/budget.ts';
import { openPeriodChecks } from '#shared/wiring/budget-closed-periods.ts';

export const handler = apiHandler(reverseAllotment, async ({ params, body, request }) => {
  const { gov, year, allotmentId } = params;
  const { posting, replay } = await reverse(request, gov, year, allotmentId, body.reference, body.reason, openPeriodChecks);
  return { status: replay ? 200 : 201, body: posting };
});
