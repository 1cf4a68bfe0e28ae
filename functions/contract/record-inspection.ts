import { recordContractInspection as record } from '#shared/application/contract/contract-steps.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordContractInspection } from '#shared/routes/contract.ts';

export const handler = apiHandler(recordContractInspection, async ({ params, body, request }) => ({
  body: await record(request, params.gov, params.contractId, body),
}));
