import { issueDebt as register } from '#shared/application/debt/issue-debt.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { issueDebt } from '#shared/routes/debt.ts';

export const handler = apiHandler(issueDebt, async ({ params, body, request }) => ({ body: await register(request, params.gov, body) }));
