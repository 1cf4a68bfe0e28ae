import { recordDisclosureCompliance } from '#shared/application/subsidy/disclosure-orders.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordSubsidyDisclosureCompliance } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(recordSubsidyDisclosureCompliance, async ({ params, body, request }) => ({
  body: applicationView(await recordDisclosureCompliance({ request, ...params }, params.orderNo, body.compliedOn), request.actingRole),
}));
