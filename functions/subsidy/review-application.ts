import { reviewApplication } from '#shared/application/subsidy/applications.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reviewSubsidyApplication } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(reviewSubsidyApplication, async ({ params, body, request }) => ({
  body: applicationView(await reviewApplication({ request, ...params }, body), request.actingRole),
}));
