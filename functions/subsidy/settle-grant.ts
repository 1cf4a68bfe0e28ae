import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import { settleGrant } from '#shared/application/subsidy/settlement.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { settleSubsidyGrant } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(settleSubsidyGrant, async ({ params, body, request }) => ({
  body: applicationView(await settleGrant({ request, ...params }, body, postingLedger), request.actingRole),
}));
