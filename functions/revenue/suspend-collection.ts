import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { suspendCollection } from '#shared/routes/execution.ts';

export const handler = apiHandler(suspendCollection, async ({ params, body, request }) => {
  const command = { kind: 'suspend-collection' as const, assessmentId: params.assessmentId, ...body };
  return { body: await submitPosting({ operation: suspendCollection.id, gov: params.gov, year: params.year, command, request }) };
});
