import { exactRatio } from '#shared/domain/disclosure/ratio.ts';
import type { ExactRatio } from '#shared/domain/disclosure/ratio.ts';

/**
 * The fiscal indicators of 지방재정365 from a final budget's revenue by category
 * (revenue-categories.json):
 *   재정자립도 (fiscal independence) = (지방세수입 1 + 세외수입 2) / total revenue
 *   재정자주도 (fiscal autonomy)     = (지방세수입 1 + 세외수입 2 + 지방교부세 3 + 조정교부금등 4) / total revenue
 * The ministry's published figures use the general account (일반회계) only; these are over every
 * account of the final budget, as the budget is disclosed here.
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
  return {
    revenueTotal,
    ownRevenue,
    autonomousRevenue,
    fiscalIndependence: exactRatio(ownRevenue, revenueTotal),
    fiscalAutonomy: exactRatio(autonomousRevenue, revenueTotal),
  };
}
