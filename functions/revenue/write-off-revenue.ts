import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { writeOffRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(writeOffRevenue, async ({ params, body, request }) => {
  const command = { kind: 'write-off' as const, assessmentId: params.assessmentId, ...body };
  return { body: await submitPosting({ operation: writeOffRevenue.id, gov: params.gov, year: params.year, command, request }) };
});
