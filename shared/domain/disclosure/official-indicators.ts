import { indicatorsFromSums, indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import type { Indicators } from '#shared/domain/disclosure/indicators.ts';
import { receivedFromOtherGovernments } from '#shared/domain/budget/net-total.ts';
import type { RevenueLineAmount } from '#shared/domain/budget/net-total.ts';

/**
 * 재정자립도 and 재정자주도 on the official basis (indicators.md §1–2): 일반회계 only, 당초예산
 * (e-나라지표 "당초예산, 일반회계 기준"; 지방재정365 "일반회계 … 연도별 당초예산기준").
 *   - one government: over its 총계 (every 일반회계 세입 line, nothing netted);
 *   - national and 시·도 averages: over the 순계, the sum of the governments' 일반회계 with the
 *     transfers between governments of the set removed (e-나라지표 uses the 순계 예산규모 for averages).
 */

export const onGeneralAccounts = <T extends { readonly account: string }>(lines: Iterable<T>, general: ReadonlySet<string>): T[] =>
  [...lines].filter((line) => general.has(line.account));

/** One government's official indicators: its 일반회계 lines of the 당초 version, 총계. */
export const grossIndicators = (lines: Iterable<RevenueLineAmount>, general: ReadonlySet<string>): Indicators =>
  indicatorsOf(onGeneralAccounts(lines, general));

export interface GovernmentRevenue {
  readonly gov: string;
  /** The 시·도 above a 시·군·구; empty for a 시·도. */
  readonly parentCode: string;
  /** The government's 일반회계 세입 lines of its 당초 version. */
  readonly lines: readonly RevenueLineAmount[];
}

/**
 * The average of a set of governments (the nation, or one 시·도 with its 시·군·구) on the 순계: sums of
 * the 일반회계 lines, less what a member received from its 시·도 when that 시·도 is in the set (a
 * transfer counted once as the 시·도's 세입 and again as the 시·군·구's; read on the receiving lines,
 * net-total.ts gives the rule and its [U]). The 조정교부금 is removed from the
 * 자주재원 numerator as well, since it is already the 시·도's 지방세 there [U: the manuals define the
 * 순계 denominator only]; 시·도비보조금 is never in a numerator.
 */
export function netIndicators(governments: readonly GovernmentRevenue[]): Indicators & { readonly netted: bigint } {
  const members = new Set(governments.map((government) => government.gov));
  const gross = indicatorsOf(governments.flatMap((government) => government.lines));
  let adjustment = 0n;
  let subsidy = 0n;
  for (const government of governments) {
    if (!members.has(government.parentCode)) continue;
    const received = receivedFromOtherGovernments(government.lines);
    adjustment += received.adjustment;
    subsidy += received.subsidy;
  }
  const revenueTotal = gross.revenueTotal - adjustment - subsidy;
  const autonomousRevenue = gross.autonomousRevenue - adjustment;
  return { ...indicatorsFromSums(gross.ownRevenue, autonomousRevenue, revenueTotal), netted: adjustment + subsidy };
}
