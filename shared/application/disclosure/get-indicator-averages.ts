import { officialRevenues } from '#shared/application/disclosure/official-revenues.ts';
import type { OfficialRevenue } from '#shared/application/disclosure/official-revenues.ts';
import { indicatorAverages } from '#shared/domain/disclosure/official-indicators.ts';
import type { Government } from '#shared/schemas/registry.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';

/**
 * The national and 시·도 averages of 재정자립도 and 재정자주도 on the official basis (일반회계,
 * 당초예산) over the 순계 (official-indicators.ts `netIndicators`): over the governments whose budget
 * is final for the year; each 시·도 with those of its 시·군·구 that are.
 */
export async function getIndicatorAverages(year: number) {
  const [revenues, governments] = await Promise.all([officialRevenues(year), listGovernments()]);
  return averagesOver(year, revenues, governments);
}

export function averagesOver(year: number, revenues: readonly OfficialRevenue[], governments: readonly Government[]) {
  const provinces = governments.filter((government) => government.level === 'metropolitan');
  const averages = indicatorAverages(
    revenues,
    provinces.map((province) => province.code),
  );
  return {
    year,
    basis: '일반회계·당초예산·순계',
    governments: revenues.length,
    national: averages.national,
    provinces: averages.provinces.map((average, i) => ({
      ...average,
      name: provinces[i]?.nameKo ?? average.code,
      governments: revenues.filter((r) => r.gov === average.code || r.parentCode === average.code).length,
    })),
  };
}
