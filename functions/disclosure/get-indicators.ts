import { indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { revenueAmounts } from '#shared/stores/disclosure/budget.ts';
import { requireFinalVersion, openDataHeaders } from '#shared/stores/disclosure/final-version.ts';
import { getFiscalIndicators } from '#shared/routes/disclosure.ts';

export const handler = apiHandler(getFiscalIndicators, async ({ params }) => {
  const version = await requireFinalVersion(params.gov, params.year);
  return {
    headers: openDataHeaders,
    body: { gov: params.gov, year: params.year, version: version.number, ...indicatorsOf(await revenueAmounts(version)) },
  };
});
