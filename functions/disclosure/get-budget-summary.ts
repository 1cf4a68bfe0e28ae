import { getBudgetSummary } from '#shared/application/disclosure/get-budget-summary.ts';
import { openDataHeaders } from '#shared/application/disclosure/open-data-headers.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getDisclosedBudgetSummary } from '#shared/routes/disclosure.ts';

export const handler = apiHandler(getDisclosedBudgetSummary, async ({ params }) => ({
  headers: openDataHeaders,
  body: await getBudgetSummary(params.gov, params.year),
}));
