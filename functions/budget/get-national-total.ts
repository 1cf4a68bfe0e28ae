import { getNationalTotal } from '#shared/application/budget/get-national-total.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getNationalBudgetTotal } from '#shared/routes/budget.ts';

export const handler = apiHandler(getNationalBudgetTotal, async ({ params }) => ({ body: await getNationalTotal(params.year) }));
