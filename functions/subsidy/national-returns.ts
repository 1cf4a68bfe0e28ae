import { nationalOutstandingReturns } from '#shared/application/subsidy/national.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listNationalOutstandingReturns } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(listNationalOutstandingReturns, async ({ query }) => ({ body: await nationalOutstandingReturns(query) }));
