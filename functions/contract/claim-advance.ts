import { claimContractAdvance as claim } from '#shared/application/contract/contract-steps.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { claimContractAdvance } from '#shared/routes/contract.ts';

export const handler = apiHandler(claimContractAdvance, async ({ params, body, request }) => ({
  body: await claim(request, params.gov, params.contractId, body),
}));
