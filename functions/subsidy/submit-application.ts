import { requireCaller } from '#shared/auth/require-caller.ts';
import { submitApplication } from '#shared/application/subsidy/applications.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { submitSubsidyApplication } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(submitSubsidyApplication, async ({ params, body, caller, request }) => ({
  body: applicationView(
    await submitApplication(request, params.gov, params.year, params.programId, requireCaller(caller).sub, body),
    request.actingRole,
  ),
}));
