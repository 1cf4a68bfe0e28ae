import { versionView } from '#shared/domain/budget/version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { createVersion } from '#shared/application/budget/create-version.ts';
import { createBudgetVersion } from '#shared/routes/budget.ts';

export const handler = apiHandler(createBudgetVersion, async ({ params, body, request }) => ({
  body: versionView(await createVersion(request, params.gov, params.year, body.kind, body.title)),
}));
