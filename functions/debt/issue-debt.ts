import { apiHandler } from '#shared/http/api-handler.ts';
import { issueDebt as register } from '#shared/stores/debt/register.ts';
import { issueDebt } from '#shared/routes/debt.ts';

export const handler = apiHandler(issueDebt, async ({ params, body, request }) => ({ body: await register(request, params.gov, body) }));
