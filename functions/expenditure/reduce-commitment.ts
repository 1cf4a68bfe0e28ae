import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { reduceCommitment } from '#shared/routes/execution.ts';

export const handler = apiHandler(reduceCommitment, async ({ params, body, request }) => {
  const command = { kind: 'reduce' as const, commitmentId: params.commitmentId, ...body };
  return { body: await submitPosting({ operation: reduceCommitment.id, gov: params.gov, year: params.year, command, request }) };
});
