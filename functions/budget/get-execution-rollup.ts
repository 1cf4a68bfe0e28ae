import { getExecutionRollup as rollup } from '#shared/application/budget/get-execution-rollup.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getExecutionRollup } from '#shared/routes/budget.ts';

export const handler = apiHandler(getExecutionRollup, async ({ params, query }) => ({
  body: await rollup(params.gov, params.year, query.by),
}));
