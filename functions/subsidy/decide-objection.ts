import { decideObjection } from '#shared/application/subsidy/objections.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { decideSubsidyObjection } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(decideSubsidyObjection, async ({ params, body, request }) => ({
  body: applicationView(await decideObjection({ request, ...params }, params.objectionNo, body), request.actingRole),
}));
