import { versionNotFound } from '#shared/domain/budget/problems.ts';
import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { resumeControlSync } from '#shared/stores/budget/finalise.ts';
import { getVersion } from '#shared/stores/budget/version.ts';
import { syncBudgetControls } from '#shared/routes/budget.ts';

export const handler = apiHandler(syncBudgetControls, async ({ params, request }) => {
  const version = await getVersion(params.gov, params.year, params.version);
  if (!version) throw versionNotFound(params.gov, params.year, params.version);
  await resumeControlSync(request, version);
  return { body: versionView({ ...version, controlsSynced: true }) };
});
