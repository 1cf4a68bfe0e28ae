import { apiHandler } from '#shared/http/api-handler.ts';
import { listAccounts as readAccounts } from '#shared/stores/budget/structure.ts';
import { listAccounts } from '#shared/routes/budget.ts';

export const handler = apiHandler(listAccounts, async ({ params }) => ({ body: { items: await readAccounts(params.gov) } }));
