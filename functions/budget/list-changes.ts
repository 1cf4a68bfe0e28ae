import { listBudgetChanges as list } from '#shared/application/budget/list-budget-changes.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listBudgetChanges } from '#shared/routes/budget.ts';

export const handler = apiHandler(listBudgetChanges, async ({ params, query }) => ({
  body: await list(params.gov, params.year, query.kind, query.quarter),
}));
