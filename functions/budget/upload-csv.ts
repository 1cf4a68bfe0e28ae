import { versionEdit } from '#shared/application/budget/require-version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { importLines } from '#shared/application/budget/import-lines.ts';
import { uploadBudgetCsv } from '#shared/routes/budget.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';

export const handler = apiHandler(uploadBudgetCsv, async ({ params, query, body, caller, request }) => ({
  body: await importLines(versionEdit(request, requireCaller(caller), params, query.revision), { csv: body }),
}));
