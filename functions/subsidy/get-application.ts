import { getApplicationFor } from '#shared/application/subsidy/applications.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getSubsidyApplication } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(getSubsidyApplication, async ({ params, request }) => ({
  body: applicationView(await getApplicationFor({ request, ...params }), request.actingRole),
}));
