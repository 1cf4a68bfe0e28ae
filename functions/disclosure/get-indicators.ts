import { getIndicators } from '#shared/application/disclosure/get-indicators.ts';
import { openDataHeaders } from '#shared/application/disclosure/open-data-headers.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getFiscalIndicators } from '#shared/routes/disclosure.ts';

export const handler = apiHandler(getFiscalIndicators, async ({ params }) => ({
  headers: openDataHeaders,
  body: await getIndicators(params.gov, params.year),
}));
