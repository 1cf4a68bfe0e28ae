import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { cancelCommitment } from '#shared/routes/execution.ts';

export const handler = apiHandler(cancelCommitment, async ({ params, body, request }) => {
  const command = { kind: 'cancel' as const, commitmentId: params.commitmentId, ...body };
  return { body: await submitPosting({ operation: cancelCommitment.id, gov: params.gov, year: params.year, command, request }) };
});
