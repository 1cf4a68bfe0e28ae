import { reverseBudgetChange as reverse } from '#shared/application/budget/reverse-budget-change.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reverseBudgetChange } from '#shared/routes/budget.ts';
import { recodingBooks } from '#shared/wiring/recoding-books.ts';

export const handler = apiHandler(reverseBudgetChange, async ({ params, body, request }) => {
  const asked = { gov: params.gov, year: params.year, originalId: params.changeId, reference: body.reference, reason: body.reason };
  const { posting, replay } = await reverse(request, asked, recodingBooks);
  return { status: replay ? 200 : 201, body: posting };
});
