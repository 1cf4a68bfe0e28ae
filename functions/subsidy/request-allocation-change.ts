import { requestAllocationChange } from '#shared/application/subsidy/executions.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { requestSubsidyAllocationChange } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(requestSubsidyAllocationChange, async ({ params, body, request }) => ({
  body: applicationView(await requestAllocationChange({ request, ...params }, body), request.actingRole),
}));
