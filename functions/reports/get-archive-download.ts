import { getArchiveDownload as download } from '#shared/application/settlement/get-archive-download.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getArchiveDownload } from '#shared/routes/reports.ts';

export const handler = apiHandler(getArchiveDownload, async ({ params, query }) => ({ body: await download(params.gov, query.key) }));
