import { issueDisclosureOrder } from '#shared/application/subsidy/disclosure-orders.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { orderSubsidyDisclosure } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(orderSubsidyDisclosure, async ({ params, body, request }) => ({
  body: applicationView(await issueDisclosureOrder({ request, ...params }, body), request.actingRole),
}));
