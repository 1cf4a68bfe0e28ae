import { diversionStatement } from '#shared/application/budget/list-budget-changes.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getDiversionStatement } from '#shared/routes/budget.ts';

export const handler = apiHandler(getDiversionStatement, async ({ params }) => ({
  body: await diversionStatement(params.gov, params.year),
}));
