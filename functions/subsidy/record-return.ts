import { postingLedger } from '#shared/application/subsidy/ledger-postings.ts';
import { recordReturn } from '#shared/application/subsidy/settlement.ts';
import { applicationView } from '#shared/application/subsidy/views.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordSubsidyReturn } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(recordSubsidyReturn, async ({ params, body, request }) => ({
  body: applicationView(await recordReturn({ request, ...params }, body, postingLedger), request.actingRole),
}));
