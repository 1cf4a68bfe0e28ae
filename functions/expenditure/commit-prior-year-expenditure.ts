import { apiHandler } from '#shared/http/api-handler.ts';
import { submitPosting } from '#shared/application/execution/submit-posting.ts';
import { commitPriorYearExpenditure } from '#shared/routes/execution.ts';

export const handler = apiHandler(commitPriorYearExpenditure, async ({ params, body, request }) => {
  const command = { kind: 'prior-year-commit' as const, commitmentId: params.commitmentId, ...body };
  return { body: await submitPosting({ operation: commitPriorYearExpenditure.id, gov: params.gov, year: params.year, command, request }) };
});
