import { downloadIndicators } from '#shared/application/disclosure/download-indicators.ts';
import { openDataHeaders } from '#shared/application/disclosure/open-data-headers.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { downloadNationwideIndicators } from '#shared/routes/disclosure.ts';

export const handler = apiHandler(downloadNationwideIndicators, async ({ params }) => ({
  headers: {
    ...openDataHeaders,
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="fiscal-indicators-${params.year}.csv"`,
  },
  raw: await downloadIndicators(params.year),
}));
