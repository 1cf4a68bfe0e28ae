import { recordQuarterlyReport } from '#shared/application/budget/record-quarterly-report.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { recordQuarterlyReport as route } from '#shared/routes/budget.ts';

export const handler = apiHandler(route, async ({ params, body, request }) => {
  const { record, replay } = await recordQuarterlyReport(request, { gov: params.gov, year: params.year, ...body });
  return { status: replay ? 200 : 201, body: record };
});
