import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { contractBasis } from '#shared/wiring/contract-basis.ts';
import { orderPayment } from '#shared/routes/execution.ts';

export const handler = apiHandler(orderPayment, async ({ params, body, request }) => {
  const command = { kind: 'order' as const, resolutionId: params.resolutionId, ...body };
  return { body: await submitPosting({ operation: orderPayment.id, gov: params.gov, year: params.year, command, request, contractBasis }) };
});
