import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { confirmPayment } from '#shared/routes/execution.ts';

export const handler = apiHandler(confirmPayment, async ({ params, body, request }) => {
  const command = { kind: 'pay' as const, orderId: params.orderId, ...body };
  return { body: await submitPosting({ operation: confirmPayment.id, gov: params.gov, year: params.year, command, request }) };
});
