import { registerContract as register } from '#shared/application/contract/register-contract.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { registerContract } from '#shared/routes/contract.ts';

export const handler = apiHandler(registerContract, async ({ params, body, request }) => ({
  body: await register(request, params.gov, body),
}));
