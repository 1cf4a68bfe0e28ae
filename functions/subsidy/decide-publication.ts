import { decidePublication } from '#shared/application/subsidy/publications.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { decideSubsidyPublication } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(decideSubsidyPublication, async ({ params, body, request }) => ({
  body: await decidePublication(request, params.gov, params.publicationId, body),
}));
