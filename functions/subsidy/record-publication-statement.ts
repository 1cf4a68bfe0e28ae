import { recordPublicationStatement } from '#shared/application/subsidy/publications.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordSubsidyPublicationStatement } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(recordSubsidyPublicationStatement, async ({ params, body, request }) => ({
  body: await recordPublicationStatement(request, params.gov, params.publicationId, body),
}));
