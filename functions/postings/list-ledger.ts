import { listLedger as readLedger } from '#shared/application/execution/list-ledger.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listLedger } from '#shared/routes/execution.ts';

export const handler = apiHandler(listLedger, async ({ params, query }) => ({ body: await readLedger(params.gov, params.year, query) }));
