import { accepted } from '#shared/domain/execution/posting.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { noticeRevenue } from '#shared/routes/execution.ts';

export const handler = apiHandler(noticeRevenue, async ({ params, body, request }) => {
  const command = { kind: 'notice' as const, assessmentId: params.assessmentId, ...body };
  const postingId = await submitPosting({ operation: noticeRevenue.id, gov: params.gov, year: params.year, command, request });
  return { body: accepted(params.gov, postingId) };
});
