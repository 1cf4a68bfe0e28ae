import { recordAdjustingEntries as record } from '#shared/application/settlement/record-adjusting-entries.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordAdjustingEntries } from '#shared/routes/accounting.ts';

export const handler = apiHandler(recordAdjustingEntries, async ({ params, body, request }) => ({
  body: await record(params.gov, params.year, body, request),
}));
