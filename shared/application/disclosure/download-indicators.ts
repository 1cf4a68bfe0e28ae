import { indicatorTable } from '#shared/domain/disclosure/indicator-table.ts';
import type { DisclosedIndicators } from '#shared/domain/disclosure/indicator-table.ts';
import { indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { nationwideFinalRevenue } from '#shared/stores/disclosure/budget.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';

/** The nationwide indicator table of a year as CSV: every government of the registry, with figures where a budget is final. */
export async function downloadIndicators(year: number): Promise<string> {
  const [governments, revenues] = await Promise.all([listGovernments(), nationwideFinalRevenue(year)]);
  const disclosed = new Map<string, DisclosedIndicators>();
  for (const [gov, { version, revenue }] of revenues) disclosed.set(gov, { version, indicators: indicatorsOf(revenue) });
  return tableCsv(indicatorTable(year, governments, disclosed));
}
