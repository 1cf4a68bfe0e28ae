import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { returnPayment } from '#shared/routes/execution.ts';

export const handler = apiHandler(returnPayment, async ({ params, body, request }) => {
  const command = { kind: 'return' as const, orderId: params.orderId, ...body };
  return { body: await submitPosting({ operation: returnPayment.id, gov: params.gov, year: params.year, command, request }) };
});
