import { decideGrant } from '#shared/application/subsidy/decide-grant.ts';
import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { decideSubsidyGrant } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(decideSubsidyGrant, async ({ params, body, request }) => ({
  body: applicationView(await decideGrant({ request, ...params }, body, postingLedger), request.actingRole),
}));
