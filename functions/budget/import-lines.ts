import { apiHandler } from '#shared/http/api-handler.ts';
import { importLines } from '#shared/application/budget/import-lines.ts';
import { importBudgetLines } from '#shared/routes/budget.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';

export const handler = apiHandler(importBudgetLines, async ({ params, body, caller, request }) => ({
  body: await importLines(request, requireCaller(caller), params.gov, params.year, params.version, body.revision, body),
}));
