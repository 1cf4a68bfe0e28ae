import { fileObjection } from '#shared/application/subsidy/objections.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { fileSubsidyObjection } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(fileSubsidyObjection, async ({ params, body, request }) => ({
  body: applicationView(await fileObjection({ request, ...params }, body), request.actingRole),
}));
