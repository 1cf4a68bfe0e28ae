import { recordAdvanceReturn } from '#shared/application/contract/contract-steps.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordContractAdvanceReturn } from '#shared/routes/contract.ts';

export const handler = apiHandler(recordContractAdvanceReturn, async ({ params, body, request }) => ({
  body: await recordAdvanceReturn(request, params.gov, params.contractId, body),
}));
