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

/**
 * 지방교육세 (목적세) is collected by the 시·도 and transferred whole to the 교육청 (지방교육재정교부금법
 * 제11조②), so it is not the government's own revenue: the 자체수입 of the official indicators is
 * "교육세를 제외한 지방세" + 세외수입 (indicators.md §1, source S12; [U] the 지방재정법 and its 시행령 as
 * stored do not define 재정자립도 — it is the ministry's indicator, e-나라지표/지방재정365 — and the
 * current 지방재정365 manual could not be read). It stays in the denominator (the 일반회계 예산규모 as
 * budgeted) [U]. The line is the 세입 sub-code 1-2-02 (목적세 → 지방교육세) [U: the sub-code is the
 * project's own, like every 세입 sub-code of the journal map]. Checked 2026-11-30: the classification
 * data (shared/data revenue-categories.csv) holds the 7 세입 categories only and its sources found no
 * official 장·관·항·목 table; 지방재정법 제41조①③ (read) divides 세입 into 장·관·항 and leaves the 과목
 * to the 시행령, whose stored text (legalize-kr) is the 1994 one (제31조: the minister sets them). The
 * sub-code therefore stays [U]; 지방재정법 제44조②1 (read) makes the 재정지표 the ministry's (행정안전부령).
 * Searched again 2026-12-01: the 2017-07-26 text of the 시행령 (orca-technologies/legalize-kr) has no 세입과목
 * table either (제65조의2①3 only names "지방교육세를 제외한 지방세" in 경상일반재원, which supports leaving it
 * out of 자체수입); no stored text gives the sub-code, so it stays [U]. Searched again 2026-12-01 (#13): the
 * repository's other versions of the 시행령 could not be fetched (its snapshot is above the size limit); an
 * exact search for "지방교육세 세입과목" and a code search for 세입과목·지방교육세·과목코드 found no text giving the
 * sub-code; still [U].
 */
export const EDUCATION_TAX_CODE = '1-2-02';

const educationTaxOf = (lines: Iterable<RevenueLineAmount>): bigint =>
  [...lines].reduce(
    (sum, line) =>
      line.category === '1' && (line.revenueCode === EDUCATION_TAX_CODE || line.revenueCode?.startsWith(`${EDUCATION_TAX_CODE}-`))
        ? sum + BigInt(line.amount)
        : sum,
    0n,
  );

/** The official indicators of some lines: 지방교육세 out of both numerators, kept in the total. */
export interface OfficialIndicators extends Indicators {
  readonly educationTax: bigint;
}

function official(lines: readonly RevenueLineAmount[], netted = { adjustment: 0n, subsidy: 0n }): OfficialIndicators {
  const sums = indicatorsOf(lines);
  const educationTax = educationTaxOf(lines);
  return {
    ...indicatorsFromSums(
      sums.ownRevenue - educationTax,
      sums.autonomousRevenue - educationTax - netted.adjustment,
      sums.revenueTotal - netted.adjustment - netted.subsidy,
    ),
    educationTax,
  };
}

export const onGeneralAccounts = <T extends { readonly account: string }>(lines: Iterable<T>, general: ReadonlySet<string>): T[] =>
  [...lines].filter((line) => general.has(line.account));

/** One government's official indicators: its 일반회계 lines of the 당초 version, 총계. */
export const grossIndicators = (lines: Iterable<RevenueLineAmount>, general: ReadonlySet<string>): OfficialIndicators =>
  official(onGeneralAccounts(lines, general));

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
 * net-total.ts gives the rule and its [U]; that 조정교부금 is such a transfer is verified there). The 조정교부금 is removed from the
 * 자주재원 numerator as well, since it is already the 시·도's 지방세 there [U: the manuals define the
 * 순계 denominator only]; 시·도비보조금 is never in a numerator.
 */
export function netIndicators(governments: readonly GovernmentRevenue[]): OfficialIndicators & { readonly netted: bigint } {
  const members = new Set(governments.map((government) => government.gov));
  const netted = { adjustment: 0n, subsidy: 0n };
  for (const government of governments) {
    if (!members.has(government.parentCode)) continue;
    const received = receivedFromOtherGovernments(government.lines);
    netted.adjustment += received.adjustment;
    netted.subsidy += received.subsidy;
  }
  return {
    ...official(
      governments.flatMap((government) => government.lines),
      netted,
    ),
    netted: netted.adjustment + netted.subsidy,
  };
}

/** The averages the ministry publishes: the nation, and each 시·도 with its 시·군·구, on the 순계. */
export function indicatorAverages(governments: readonly GovernmentRevenue[], provinces: readonly string[]) {
  return {
    national: netIndicators(governments),
    provinces: provinces.map((province) => ({
      code: province,
      ...netIndicators(governments.filter((government) => government.gov === province || government.parentCode === province)),
    })),
  };
}
