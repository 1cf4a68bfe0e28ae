import { nationalExclusions } from '#shared/application/subsidy/national.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listNationalSubsidyExclusions } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(listNationalSubsidyExclusions, async ({ request, query }) => ({
  body: await nationalExclusions(request.receivedAt.slice(0, 10), query),
}));
