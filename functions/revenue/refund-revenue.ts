import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { refundRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(refundRevenue, async ({ params, body, request }) => {
  const command = { kind: 'refund' as const, receiptId: params.receiptId, ...body };
  return { body: await submitPosting({ operation: refundRevenue.id, gov: params.gov, year: params.year, command, request }) };
});
