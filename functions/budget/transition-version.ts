import { levelOf } from '#shared/domain/budget/government-level.ts';
import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { transitionVersion } from '#shared/stores/budget/transition.ts';
import { transitionBudgetVersion } from '#shared/routes/budget.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';

export const handler = apiHandler(transitionBudgetVersion, async ({ params, body, caller, request }) => {
  const version = await transitionVersion(
    request,
    requireCaller(caller),
    levelOf(params.gov),
    params.gov,
    params.year,
    params.version,
    body.action,
    body.revision,
  );
  return { body: versionView(version) };
});
