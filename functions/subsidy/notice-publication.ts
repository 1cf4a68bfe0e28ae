import { noticePublication } from '#shared/application/subsidy/publications.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { noticeSubsidyPublication } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(noticeSubsidyPublication, async ({ params, body, request }) => ({
  body: await noticePublication(request, params.gov, body),
}));
