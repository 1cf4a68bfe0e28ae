import { requireVersion } from '#shared/application/budget/require-version.ts';
import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getBudgetVersion } from '#shared/routes/budget.ts';

export const handler = apiHandler(getBudgetVersion, async ({ params }) => {
  const version = await requireVersion(params.gov, params.year, params.version);
  return { body: versionView(version) };
});
