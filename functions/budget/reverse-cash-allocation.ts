import { reverseCashAllocation as reverse } from '#shared/application/budget/reverse-cash-allocation.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseCashAllocation } from '#shared/routes/budget.ts';
import { openPeriodChecks } from '#shared/wiring/budget-closed-periods.ts';

export const handler = apiHandler(reverseCashAllocation, async ({ params, body, request }) => {
  const { gov, year, allocationId } = params;
  const asked = { gov, year, originalId: allocationId, reference: body.reference, reason: body.reason };
  const { posting, replay } = await reverse(request, asked, openPeriodChecks);
  return { status: replay ? 200 : 201, body: posting };
});
