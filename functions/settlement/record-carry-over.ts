import { recordCarryOver as record } from '#shared/application/settlement/record-carry-over.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordCarryOver } from '#shared/routes/settlement.ts';

export const handler = apiHandler(recordCarryOver, async ({ params, body, request }) => ({
  body: await record(params.gov, params.year, { lineId: params.lineId, ...body }, request),
}));
