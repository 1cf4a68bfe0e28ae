import { apiHandler } from '#shared/http/api-handler.ts';
import { listArchives } from '#shared/application/settlement/list-archives.ts';
import { listGovernmentArchives } from '#shared/routes/reports.ts';

export const handler = apiHandler(listGovernmentArchives, async ({ params, query }) => {
  const page = await listArchives({
    year: params.year,
    gov: params.gov,
    report: query.report,
    limit: query.limit ?? 50,
    cursor: query.cursor,
  });
  return { body: { items: page.items, ...(page.cursor ? { nextCursor: page.cursor } : {}) } };
});
