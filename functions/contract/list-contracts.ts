import { contractView } from '#shared/application/contract/contract-view.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listContracts } from '#shared/routes/contract.ts';
import { listContracts as list } from '#shared/stores/contract/contracts.ts';

export const handler = apiHandler(listContracts, async ({ params }) => ({
  body: { contracts: (await list(params.gov)).map(contractView) },
}));
