import { requestPayment } from '#shared/application/subsidy/payments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { requestSubsidyPayment } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(requestSubsidyPayment, async ({ params, body, request }) => ({
  body: await requestPayment({ request, ...params }, body),
}));
