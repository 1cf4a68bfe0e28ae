import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { resolvePayment } from '#shared/routes/execution.ts';

export const handler = apiHandler(resolvePayment, async ({ params, body, request }) => {
  const command = { kind: 'resolve' as const, commitmentId: params.commitmentId, ...body };
  return { body: await submitPosting({ operation: resolvePayment.id, gov: params.gov, year: params.year, command, request }) };
});
