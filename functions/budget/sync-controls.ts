import { requireVersion } from '#shared/application/budget/require-version.ts';
import { resumeControlSync } from '#shared/application/budget/sync-controls.ts';
import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { syncBudgetControls } from '#shared/routes/budget.ts';
import { carryInSource } from '#shared/wiring/budget-carry-ins.ts';

export const handler = apiHandler(syncBudgetControls, async ({ params, request }) => {
  const version = await requireVersion(params.gov, params.year, params.version);
  await resumeControlSync(request, version, carryInSource);
  return { body: versionView({ ...version, controlsSynced: true }) };
});
