import { apiHandler } from '#shared/http/api-handler.ts';
import { listArchives as readArchives } from '#shared/application/settlement/list-archives.ts';
import { listArchives } from '#shared/routes/reports.ts';

export const handler = apiHandler(listArchives, async ({ query }) => {
  const page = await readArchives({
    year: query.year,
    gov: query.gov,
    report: query.report,
    limit: query.limit ?? 50,
    cursor: query.cursor,
  });
  return { body: { items: page.items, ...(page.cursor ? { nextCursor: page.cursor } : {}) } };
});
