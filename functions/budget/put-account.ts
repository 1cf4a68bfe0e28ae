import { apiHandler } from '#shared/http/api-handler.ts';
import { putAccount as storeAccount } from '#shared/application/budget/put-structure.ts';
import { putAccount } from '#shared/routes/budget.ts';

export const handler = apiHandler(putAccount, async ({ params, body, request }) => ({
  body: await storeAccount(request, { gov: params.gov, code: params.account, ...body }),
}));
