import { acceptObjectionDecision } from '#shared/application/subsidy/objections.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { acceptSubsidyObjectionDecision } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(acceptSubsidyObjectionDecision, async ({ params, body, request }) => ({
  body: applicationView(await acceptObjectionDecision({ request, ...params }, params.objectionNo, body.acceptedOn), request.actingRole),
}));
