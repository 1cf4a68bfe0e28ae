import { backfillLedger } from '#shared/application/execution/backfill-ledger.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { backfillLedger as route } from '#shared/routes/execution.ts';

export const handler = apiHandler(route, async ({ request, params, body }) => ({
  body: await backfillLedger(request, params.gov, params.year, { pages: body.pages ?? 20, pageSize: body.pageSize ?? 100 }),
}));
