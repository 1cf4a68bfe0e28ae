import { imposeSanction } from '#shared/application/subsidy/settlement.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { imposeSubsidySanction } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(imposeSubsidySanction, async ({ params, body, request }) => ({
  body: applicationView(await imposeSanction({ request, ...params }, body), request.actingRole),
}));
