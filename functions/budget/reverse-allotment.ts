import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseAllotment as reverse } from '#shared/stores/budget/allotments.ts';
import { reverseAllotment } from '#shared/routes/budget.ts';

export const handler = apiHandler(reverseAllotment, async ({ params, body, request }) => ({
  body: await reverse(request, params.gov, params.year, params.allotmentId, body.reference, body.reason),
}));
