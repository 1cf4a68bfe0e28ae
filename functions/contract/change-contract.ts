import { recordContractChange } from '#shared/application/contract/contract-steps.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { changeContract } from '#shared/routes/contract.ts';

export const handler = apiHandler(changeContract, async ({ params, body, request }) => ({
  body: await recordContractChange(request, params.gov, params.contractId, body),
}));
