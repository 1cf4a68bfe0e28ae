import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { forfeitCustody } from '#shared/routes/execution.ts';

export const handler = apiHandler(forfeitCustody, async ({ params, body, request }) => {
  const command = { kind: 'forfeit' as const, custodyId: params.custodyId, ...body };
  return { body: await submitPosting({ operation: forfeitCustody.id, gov: params.gov, year: params.year, command, request }) };
});
