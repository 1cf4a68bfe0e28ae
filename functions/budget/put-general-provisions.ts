import { versionEdit } from '#shared/application/budget/require-version.ts';
import { putGeneralProvisions as put } from '#shared/application/budget/put-general-provisions.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { putGeneralProvisions } from '#shared/routes/budget.ts';

export const handler = apiHandler(putGeneralProvisions, async ({ params, body, caller, request }) => {
  const { revision, ...provisions } = body;
  return { body: await put(versionEdit(request, requireCaller(caller), params, revision), provisions) };
});
