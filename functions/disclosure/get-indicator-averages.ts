import { getIndicatorAverages as averagesOf } from '#shared/application/disclosure/get-indicator-averages.ts';
import { openDataHeaders } from '#shared/application/disclosure/open-data-headers.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getIndicatorAverages } from '#shared/routes/disclosure.ts';

export const handler = apiHandler(getIndicatorAverages, async ({ params }) => ({
  headers: openDataHeaders,
  body: await averagesOf(params.year),
}));
