import { requireCaller } from '#shared/auth/require-caller.ts';
import { listApplicationsOf } from '#shared/application/subsidy/applications.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listMySubsidyApplications } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(listMySubsidyApplications, async ({ caller, request }) => ({
  body: { items: (await listApplicationsOf(requireCaller(caller).sub)).map((record) => applicationView(record, request.actingRole)) },
}));
