import { requireFinalVersion } from '#shared/application/disclosure/final-version.ts';
import { indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import { revenueAmounts } from '#shared/stores/disclosure/budget.ts';

/** The fiscal indicators (재정자립도 …) of a government's final budget of the year, exact. */
export async function getIndicators(gov: string, year: number) {
  const version = await requireFinalVersion(gov, year);
  return { gov, year, version: version.number, ...indicatorsOf(await revenueAmounts(version)) };
}
