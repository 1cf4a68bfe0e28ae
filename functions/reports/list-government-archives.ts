import { apiHandler } from '#shared/http/api-handler.ts';
import { archiveListing } from '#shared/application/settlement/list-archives.ts';
import { listGovernmentArchives } from '#shared/routes/reports.ts';

export const handler = apiHandler(listGovernmentArchives, async ({ params, query }) => ({
  body: await archiveListing({ ...query, year: params.year, gov: params.gov }),
}));
