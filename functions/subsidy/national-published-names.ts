import { nationalPublishedNames } from '#shared/application/subsidy/national.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listNationalSubsidyPublishedNames } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(listNationalSubsidyPublishedNames, async ({ request, query }) => ({
  body: await nationalPublishedNames(query.on ?? request.receivedAt.slice(0, 10), query),
}));
