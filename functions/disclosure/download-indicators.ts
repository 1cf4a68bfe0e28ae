import { indicatorTable } from '#shared/domain/disclosure/indicator-table.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { nationwideIndicators } from '#shared/stores/disclosure/budget.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { downloadNationwideIndicators } from '#shared/routes/disclosure.ts';
import { openDataHeaders } from '#shared/stores/disclosure/final-version.ts';

export const handler = apiHandler(downloadNationwideIndicators, async ({ params }) => {
  const [governments, disclosed] = await Promise.all([listGovernments(), nationwideIndicators(params.year)]);
  return {
    headers: {
      ...openDataHeaders,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="fiscal-indicators-${params.year}.csv"`,
    },
    raw: tableCsv(indicatorTable(params.year, governments, disclosed)),
  };
});
