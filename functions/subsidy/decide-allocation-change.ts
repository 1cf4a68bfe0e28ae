import { decideAllocationChange } from '#shared/application/subsidy/executions.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { decideSubsidyAllocationChange } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(decideSubsidyAllocationChange, async ({ params, body, request }) => ({
  body: applicationView(await decideAllocationChange({ request, ...params }, body.approve), request.actingRole),
}));
