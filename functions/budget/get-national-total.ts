import { apiHandler } from '#shared/http/api-handler.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { getNationalBudgetTotal } from '#shared/routes/budget.ts';

export const handler = apiHandler(getNationalBudgetTotal, async ({ params }) => ({ body: await nationalTotal(params.year) }));
