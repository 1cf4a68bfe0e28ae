import { requireVersion } from '#shared/application/budget/require-version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { pageLines } from '#shared/stores/budget/version.ts';
import { listBudgetLines } from '#shared/routes/budget.ts';

export const handler = apiHandler(listBudgetLines, async ({ params, query }) => {
  const version = await requireVersion(params.gov, params.year, params.version);
  const page = await pageLines(version, query.limit ?? 200, query.cursor);
  return { body: { items: page.lines, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) } };
});
