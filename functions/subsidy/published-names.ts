import { publishedNames } from '#shared/application/subsidy/publications.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listSubsidyPublishedNames } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(listSubsidyPublishedNames, async ({ params, query, request }) => ({
  body: await publishedNames(params.gov, query.on ?? request.receivedAt.slice(0, 10)),
}));
