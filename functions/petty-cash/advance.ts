import { advancePettyCash as advance } from '#shared/application/petty-cash/petty-cash.ts';
import { advancePostings } from '#shared/wiring/advance-postings.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { advancePettyCash } from '#shared/routes/petty-cash.ts';

export const handler = apiHandler(advancePettyCash, async ({ params, body, request }) => ({
  body: await advance(request, params.gov, params.year, body, advancePostings),
}));
