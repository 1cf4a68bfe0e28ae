import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { settleAdvance } from '#shared/routes/execution.ts';
import { advanceRecords } from '#shared/wiring/advance-records.ts';

export const handler = apiHandler(settleAdvance, async ({ params, body, request }) => {
  const command = { kind: 'settle' as const, orderId: params.orderId, ...body };
  return {
    body: await submitPosting({ operation: settleAdvance.id, gov: params.gov, year: params.year, command, request, advanceRecords }),
  };
});
