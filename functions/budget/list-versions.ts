import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listVersions } from '#shared/stores/budget/version.ts';
import { listBudgetVersions } from '#shared/routes/budget.ts';

export const handler = apiHandler(listBudgetVersions, async ({ params }) => ({
  body: { items: (await listVersions(params.gov, params.year)).map(versionView) },
}));
