import { settleEstimatedPayment as settle } from '#shared/application/estimate/estimated-payments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { settleEstimatedPayment } from '#shared/routes/estimate.ts';

export const handler = apiHandler(settleEstimatedPayment, async ({ params, body, request }) => ({
  body: await settle(request, params.gov, params.year, params.estimateId, body.settledOn, body.actual),
}));
