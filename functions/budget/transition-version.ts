import { transitionVersion } from '#shared/application/budget/transition-version.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { levelOf } from '#shared/domain/budget/government-level.ts';
import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { transitionBudgetVersion } from '#shared/routes/budget.ts';
import { carryInSource } from '#shared/wiring/budget-carry-ins.ts';
import { closedPeriodSource } from '#shared/wiring/budget-closed-periods.ts';

export const handler = apiHandler(transitionBudgetVersion, async ({ params, body, caller, request }) => {
  const version = await transitionVersion(
    request,
    requireCaller(caller),
    levelOf(params.gov),
    {
      gov: params.gov,
      year: params.year,
      number: params.version,
      action: body.action,
      revision: body.revision,
      headConsent: body.headConsent,
    },
    carryInSource,
    closedPeriodSource,
  );
  return { body: versionView(version) };
});
