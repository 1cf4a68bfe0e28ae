import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { correctPosting } from '#shared/routes/execution.ts';

export const handler = apiHandler(correctPosting, async ({ params, body, request }) => {
  const command = { kind: 'correct' as const, originalPostingId: params.postingId, ...body };
  return { body: await submitPosting({ operation: correctPosting.id, gov: params.gov, year: params.year, command, request }) };
});
