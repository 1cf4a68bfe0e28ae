import { recordEstimatedPayment as record } from '#shared/application/estimate/estimated-payments.ts';
import { advancePostings } from '#shared/wiring/advance-postings.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordEstimatedPayment } from '#shared/routes/estimate.ts';

export const handler = apiHandler(recordEstimatedPayment, async ({ params, body, request }) => ({
  body: await record(request, params.gov, params.year, body, advancePostings),
}));
