import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { noticeRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(noticeRevenue, async ({ params, body, request }) => {
  const command = { kind: 'notice' as const, assessmentId: params.assessmentId, ...body };
  return { body: await submitPosting({ operation: noticeRevenue.id, gov: params.gov, year: params.year, command, request }) };
});
