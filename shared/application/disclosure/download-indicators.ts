import { averagesOver } from '#shared/application/disclosure/get-indicator-averages.ts';
import { officialRevenues } from '#shared/application/disclosure/official-revenues.ts';
import { indicatorTable } from '#shared/domain/disclosure/indicator-table.ts';
import type { DisclosedIndicators } from '#shared/domain/disclosure/indicator-table.ts';
import { indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import { netIndicators } from '#shared/domain/disclosure/official-indicators.ts';
import { tableCsv } from '#shared/domain/reports/csv.ts';
import { nationwideFinalRevenue } from '#shared/stores/disclosure/budget.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';

/**
 * The nationwide indicator table of a year as CSV: every government of the registry, with figures
 * where a budget is final and its official figures (일반회계·당초예산·총계: a set of one government
 * nets nothing), then the averages on the 순계 (전국, each 시·도 with its 시·군·구 that have one).
 */
export async function downloadIndicators(year: number): Promise<string> {
  const [governments, revenues, official] = await Promise.all([listGovernments(), nationwideFinalRevenue(year), officialRevenues(year)]);
  const officialOf = new Map(official.map((government) => [government.gov, netIndicators([government])]));
  const disclosed = new Map<string, DisclosedIndicators>();
  for (const [gov, { version, revenue }] of revenues) {
    const own = officialOf.get(gov);
    disclosed.set(gov, { version, indicators: indicatorsOf(revenue), ...(own ? { official: own } : {}) });
  }
  const averages = averagesOver(year, official, governments);
  return tableCsv(
    indicatorTable(year, governments, disclosed, [
      { code: '전국', name: '전국 평균(순계)', indicators: averages.national },
      ...averages.provinces
        .filter((province) => province.governments > 0)
        .map((province) => ({ code: province.code, name: `${province.name} 평균(순계)`, indicators: province })),
    ]),
  );
}
