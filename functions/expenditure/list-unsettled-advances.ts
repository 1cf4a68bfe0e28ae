import { listUnsettledAdvances as list } from '#shared/application/execution/list-unsettled-advances.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listUnsettledAdvances } from '#shared/routes/execution.ts';

export const handler = apiHandler(listUnsettledAdvances, async ({ params, request }) => ({
  body: await list(params.gov, params.year, request.receivedAt),
}));
