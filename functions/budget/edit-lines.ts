import { versionEdit } from '#shared/application/budget/require-version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { editLines } from '#shared/application/budget/edit-lines.ts';
import { editBudgetLines } from '#shared/routes/budget.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';

export const handler = apiHandler(editBudgetLines, async ({ params, body, caller, request }) => ({
  body: await editLines(versionEdit(request, requireCaller(caller), params, body.revision), body),
}));
