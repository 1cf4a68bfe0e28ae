import { returnPettyCash as giveBack } from '#shared/application/petty-cash/petty-cash.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { returnPettyCash } from '#shared/routes/petty-cash.ts';

export const handler = apiHandler(returnPettyCash, async ({ params, body, request }) => ({
  body: await giveBack(request, params.gov, params.year, params.advanceId, body),
}));
