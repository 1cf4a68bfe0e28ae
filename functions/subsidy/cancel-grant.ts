import { cancelGrant } from '#shared/application/subsidy/cancel-grant.ts';
import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { cancelSubsidyGrant } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(cancelSubsidyGrant, async ({ params, body, request }) => ({
  body: applicationView(await cancelGrant({ request, ...params }, body, postingLedger), request.actingRole),
}));
