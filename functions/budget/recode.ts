import { recode } from '#shared/application/budget/recode.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recodeExecution } from '#shared/routes/budget.ts';
import { recodingBooks } from '#shared/wiring/recoding-books.ts';

export const handler = apiHandler(recodeExecution, async ({ params, body, request }) => {
  const { posting, replay } = await recode(request, params.gov, params.year, body, recodingBooks);
  return { status: replay ? 200 : 201, body: posting };
});
