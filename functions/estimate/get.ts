import { readEstimatedPayment } from '#shared/application/estimate/estimated-payments.ts';
import { advancePostings } from '#shared/wiring/advance-postings.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getEstimatedPayment } from '#shared/routes/estimate.ts';

export const handler = apiHandler(getEstimatedPayment, async ({ params }) => ({
  body: await readEstimatedPayment(params.gov, params.year, params.estimateId, advancePostings),
}));
