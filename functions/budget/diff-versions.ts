import { diffVersions } from '#shared/domain/budget/diff.ts';
import { requireVersion } from '#shared/application/budget/require-version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { readAllLines } from '#shared/stores/budget/version.ts';
import { diffBudgetVersions } from '#shared/routes/budget.ts';

export const handler = apiHandler(diffBudgetVersions, async ({ params, query }) => {
  const from = await requireVersion(params.gov, params.year, query.against);
  const to = await requireVersion(params.gov, params.year, params.version);
  const [fromLines, toLines] = await Promise.all([readAllLines(from), readAllLines(to)]);
  return { body: { from: from.number, to: to.number, ...diffVersions(fromLines, toLines) } };
});
