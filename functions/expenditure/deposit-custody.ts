import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { depositCustody } from '#shared/routes/execution.ts';

export const handler = apiHandler(depositCustody, async ({ params, body, request }) => {
  const command = { kind: 'deposit' as const, custodyId: params.custodyId, ...body };
  return { body: await submitPosting({ operation: depositCustody.id, gov: params.gov, year: params.year, command, request }) };
});
