import { recordExecution } from '#shared/application/subsidy/executions.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordSubsidyExecution } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(recordSubsidyExecution, async ({ params, body, request }) => ({
  body: applicationView(await recordExecution({ request, ...params }, body), request.actingRole),
}));
