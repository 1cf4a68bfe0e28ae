import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { assessRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(assessRevenue, async ({ params, body, request }) => {
  const command = { kind: 'assess' as const, ...body };
  return { body: await submitPosting({ operation: assessRevenue.id, gov: params.gov, year: params.year, command, request }) };
});
