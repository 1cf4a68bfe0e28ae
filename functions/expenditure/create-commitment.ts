import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { contractBasis } from '#shared/wiring/contract-basis.ts';
import { createCommitment } from '#shared/routes/execution.ts';

export const handler = apiHandler(createCommitment, async ({ params, body, request }) => {
  const command = { kind: 'commit' as const, ...body };
  return {
    body: await submitPosting({ operation: createCommitment.id, gov: params.gov, year: params.year, command, request, contractBasis }),
  };
});
