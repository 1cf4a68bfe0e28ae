import { diffVersions } from '#shared/domain/budget/diff.ts';
import { versionNotFound } from '#shared/domain/budget/problems.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getVersion, readAllLines } from '#shared/stores/budget/version.ts';
import { diffBudgetVersions } from '#shared/routes/budget.ts';

export const handler = apiHandler(diffBudgetVersions, async ({ params, query }) => {
  const [from, to] = await Promise.all([
    getVersion(params.gov, params.year, query.against),
    getVersion(params.gov, params.year, params.version),
  ]);
  if (!from) throw versionNotFound(params.gov, params.year, query.against);
  if (!to) throw versionNotFound(params.gov, params.year, params.version);
  const [fromLines, toLines] = await Promise.all([readAllLines(from), readAllLines(to)]);
  return { body: { from: from.number, to: to.number, ...diffVersions(fromLines, toLines) } };
});
