import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { receivePriorYearRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(receivePriorYearRevenue, async ({ params, body, request }) => {
  const command = { kind: 'prior-year-receive' as const, assessmentId: params.assessmentId, ...body };
  return { body: await submitPosting({ operation: receivePriorYearRevenue.id, gov: params.gov, year: params.year, command, request }) };
});
