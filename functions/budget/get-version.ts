import { versionNotFound } from '#shared/domain/budget/problems.ts';
import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getVersion } from '#shared/stores/budget/version.ts';
import { getBudgetVersion } from '#shared/routes/budget.ts';

export const handler = apiHandler(getBudgetVersion, async ({ params }) => {
  const version = await getVersion(params.gov, params.year, params.version);
  if (!version) throw versionNotFound(params.gov, params.year, params.version);
  return { body: versionView(version) };
});
