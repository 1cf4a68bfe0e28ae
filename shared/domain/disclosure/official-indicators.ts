import { indicatorsFromSums, indicatorsOf } from '#shared/domain/disclosure/indicators.ts';
import type { Indicators } from '#shared/domain/disclosure/indicators.ts';

/**
 * 재정자립도 and 재정자주도 on the official basis (indicators.md §1–2): 일반회계 only, 당초예산
 * (e-나라지표 "당초예산, 일반회계 기준"; 지방재정365 "일반회계 … 연도별 당초예산기준").
 *   - one government: over its 총계 (every 일반회계 세입 line, nothing netted);
 *   - national and 시·도 averages: over the 순계, the sum of the governments' 일반회계 with the
 *     transfers between governments of the set removed (e-나라지표 uses the 순계 예산규모 for averages).
 */
export interface RevenueLineAmount {
  readonly account: string;
  readonly category: string;
  readonly revenueCode?: string | undefined;
  readonly amount: number | bigint;
}

export const onGeneralAccounts = <T extends { readonly account: string }>(lines: Iterable<T>, general: ReadonlySet<string>): T[] =>
  [...lines].filter((line) => general.has(line.account));

/** One government's official indicators: its 일반회계 lines of the 당초 version, 총계. */
export const grossIndicators = (lines: Iterable<RevenueLineAmount>, general: ReadonlySet<string>): Indicators =>
  indicatorsOf(onGeneralAccounts(lines, general));

/**
 * What a government received from another local government, as its own 세입 lines say: 조정교부금등
 * (category 4: 시·군 조정교부금 from the 도, 자치구 조정교부금 from the 특별·광역시) and 시·도비보조금등
 * (revenue sub-code 5-2). Netting reads the receiving side because there the line names the flow;
 * the paying 시·도's 300-group lines (308 자치단체등이전) also carry transfers to 교육청 and other
 * bodies outside the set, so they cannot tell what to remove [U: inference from the lofin 순계 series,
 * which strips 보조금 received from the higher government (indicators.md §4, S27), not a written rule].
 */
export function receivedFromOtherGovernments(lines: Iterable<RevenueLineAmount>): { adjustment: bigint; subsidy: bigint } {
  let adjustment = 0n;
  let subsidy = 0n;
  for (const line of lines) {
    if (line.category === '4') adjustment += BigInt(line.amount);
    else if (line.category === '5' && (line.revenueCode === '5-2' || line.revenueCode?.startsWith('5-2-'))) subsidy += BigInt(line.amount);
  }
  return { adjustment, subsidy };
}

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
 * transfer counted once as the 시·도's 세입 and again as the 시·군·구's). The 조정교부금 is removed from the
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
