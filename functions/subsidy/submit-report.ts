import { submitReport } from '#shared/application/subsidy/settlement.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { submitSubsidyReport } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(submitSubsidyReport, async ({ params, body, request }) => ({
  body: applicationView(await submitReport({ request, ...params }, body), request.actingRole),
}));
