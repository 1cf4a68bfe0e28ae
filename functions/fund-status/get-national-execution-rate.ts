import { nationalExecutionRate } from '#shared/application/execution/national-execution-rate.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getNationalExecutionRate } from '#shared/routes/execution.ts';

export const handler = apiHandler(getNationalExecutionRate, async ({ params }) => ({ body: await nationalExecutionRate(params.year) }));
