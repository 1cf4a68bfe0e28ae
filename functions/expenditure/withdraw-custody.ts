import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { withdrawCustody } from '#shared/routes/execution.ts';

export const handler = apiHandler(withdrawCustody, async ({ params, body, request }) => {
  const command = { kind: 'withdraw' as const, custodyId: params.custodyId, ...body };
  return { body: await submitPosting({ operation: withdrawCustody.id, gov: params.gov, year: params.year, command, request }) };
});
