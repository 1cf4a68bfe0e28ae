import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import { payRequest } from '#shared/application/subsidy/payments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { paySubsidy } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(paySubsidy, async ({ params, body, request }) => ({
  body: await payRequest({ request, ...params }, params.paymentId, body.paidOn, postingLedger),
}));
