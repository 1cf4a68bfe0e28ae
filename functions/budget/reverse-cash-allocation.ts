import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseCashAllocation as reverse } from '#shared/stores/budget/cash.ts';
import { reverseCashAllocation } from '#shared/routes/budget.ts';

export const handler = apiHandler(reverseCashAllocation, async ({ params, body, request }) => ({
  body: await reverse(request, params.gov, params.year, params.allocationId, body.reference, body.reason),
}));
