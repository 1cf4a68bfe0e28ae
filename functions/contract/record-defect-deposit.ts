import { recordDefectDeposit } from '#shared/application/contract/contract-steps.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordContractDefectDeposit } from '#shared/routes/contract.ts';

export const handler = apiHandler(recordContractDefectDeposit, async ({ params, body, request }) => ({
  body: await recordDefectDeposit(request, params.gov, params.contractId, body.depositRef),
}));
