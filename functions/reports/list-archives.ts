import { apiHandler } from '#shared/http/api-handler.ts';
import { archiveListing } from '#shared/application/settlement/list-archives.ts';
import { listArchives } from '#shared/routes/reports.ts';

export const handler = apiHandler(listArchives, async ({ query }) => ({ body: await archiveListing(query) }));
