import { exclusionView, registerExclusion } from '#shared/application/subsidy/exclusions.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { registerSubsidyExclusion } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(registerSubsidyExclusion, async ({ params, body, request }) => ({
  body: exclusionView(await registerExclusion(request, params.gov, body)),
}));
