import { reserveStatement } from '#shared/application/budget/list-budget-changes.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getReserveStatement } from '#shared/routes/budget.ts';

export const handler = apiHandler(getReserveStatement, async ({ params }) => ({ body: await reserveStatement(params.gov, params.year) }));
