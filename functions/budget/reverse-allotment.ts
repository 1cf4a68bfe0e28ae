import { reverseAllotment as reverse } from '#shared/application/budget/reverse-allotment.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseAllotment } from '#shared/routes/budget.ts';
import { openPeriodChecks } from '#shared/wiring/budget-closed-periods.ts';

export const handler = apiHandler(reverseAllotment, async ({ params, body, request }) => {
  const { gov, year, allotmentId } = params;
  const asked = { gov, year, originalId: allotmentId, reference: body.reference, reason: body.reason };
  const { posting, replay } = await reverse(request, asked, openPeriodChecks);
  return { status: replay ? 200 : 201, body: posting };
});
