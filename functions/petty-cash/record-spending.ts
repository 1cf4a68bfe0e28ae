import { recordPettyCashSpending as record } from '#shared/application/petty-cash/petty-cash.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordPettyCashSpending } from '#shared/routes/petty-cash.ts';

export const handler = apiHandler(recordPettyCashSpending, async ({ params, body, request }) => ({
  body: await record(request, params.gov, params.year, params.advanceId, body),
}));
