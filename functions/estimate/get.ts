import { requireEstimate } from '#shared/application/estimate/estimated-payments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getEstimatedPayment } from '#shared/routes/estimate.ts';

export const handler = apiHandler(getEstimatedPayment, async ({ params }) => ({
  body: await requireEstimate(params.gov, params.year, params.estimateId),
}));
