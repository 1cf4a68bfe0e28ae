import { readAdvance } from '#shared/application/petty-cash/petty-cash.ts';
import { advancePostings } from '#shared/wiring/advance-postings.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getPettyCashAdvance } from '#shared/routes/petty-cash.ts';

export const handler = apiHandler(getPettyCashAdvance, async ({ params, request }) => ({
  body: await readAdvance(params.gov, params.year, params.advanceId, request.receivedAt, advancePostings),
}));
