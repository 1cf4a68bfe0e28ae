import { exactRatio } from '#shared/domain/disclosure/ratio.ts';
import type { ExactRatio } from '#shared/domain/disclosure/ratio.ts';

/**
 * The fiscal indicators of 지방재정365 from a final budget's revenue by category (source: 지방재정법
 * 제60조 공시; the formulas are practice, the official basis is in official-indicators.ts)
 * (revenue-categories.json):
 *   재정자립도 (fiscal independence) = (지방세수입 1 + 세외수입 2) / total revenue
 *   재정자주도 (fiscal autonomy)     = (지방세수입 1 + 세외수입 2 + 지방교부세 3 + 조정교부금등 4) / total revenue
 * These are over the lines given: every account of the final budget for the disclosed figures; the
 * official basis (일반회계, 당초예산, 총계/순계) is official-indicators.ts.
 */
export const OWN_REVENUE_CATEGORIES = ['1', '2'] as const;
export const AUTONOMOUS_REVENUE_CATEGORIES = ['1', '2', '3', '4'] as const;

export interface Indicators {
  readonly revenueTotal: bigint;
  readonly ownRevenue: bigint;
  readonly autonomousRevenue: bigint;
  readonly fiscalIndependence: ExactRatio;
  readonly fiscalAutonomy: ExactRatio;
}

/** Revenue amounts by category code; categories may repeat (one entry per line). */
export function indicatorsOf(revenue: Iterable<{ readonly category: string; readonly amount: number | bigint }>): Indicators {
  let revenueTotal = 0n;
  let ownRevenue = 0n;
  let autonomousRevenue = 0n;
  for (const { category, amount } of revenue) {
    const value = BigInt(amount);
    revenueTotal += value;
    if ((OWN_REVENUE_CATEGORIES as readonly string[]).includes(category)) ownRevenue += value;
    if ((AUTONOMOUS_REVENUE_CATEGORIES as readonly string[]).includes(category)) autonomousRevenue += value;
  }
  return indicatorsFromSums(ownRevenue, autonomousRevenue, revenueTotal);
}

/** The indicators of sums already taken (a 순계 nets them before dividing). */
export function indicatorsFromSums(ownRevenue: bigint, autonomousRevenue: bigint, revenueTotal: bigint): Indicators {
  return {
    revenueTotal,
    ownRevenue,
    autonomousRevenue,
    fiscalIndependence: exactRatio(ownRevenue, revenueTotal),
    fiscalAutonomy: exactRatio(autonomousRevenue, revenueTotal),
  };
}
