import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { receiveRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(receiveRevenue, async ({ params, body, request }) => {
  const command = { kind: 'receive' as const, assessmentId: params.assessmentId, ...body };
  return { body: await submitPosting({ operation: receiveRevenue.id, gov: params.gov, year: params.year, command, request }) };
});
