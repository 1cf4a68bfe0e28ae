import { contractView } from '#shared/application/contract/contract-view.ts';
import { requireContract } from '#shared/application/contract/require-contract.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getContract } from '#shared/routes/contract.ts';

export const handler = apiHandler(getContract, async ({ params }) => ({
  body: contractView(await requireContract(params.gov, params.contractId)),
}));
