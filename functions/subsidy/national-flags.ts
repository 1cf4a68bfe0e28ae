import { nationalFlags } from '#shared/application/subsidy/national.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listNationalSubsidyFlags } from '#shared/routes/subsidy.ts';

export const handler = apiHandler(listNationalSubsidyFlags, async ({ query }) => ({ body: await nationalFlags(query) }));
