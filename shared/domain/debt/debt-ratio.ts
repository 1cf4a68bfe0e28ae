import { exactRatio } from '#shared/domain/disclosure/ratio.ts';
import type { ExactRatio } from '#shared/domain/disclosure/ratio.ts';

/**
 * 예산대비채무비율 (지방재정위기관리제도): 채무 over the year's 최종예산, in bands as the rules word them:
 *   "40% 초과" severe (심각): 지방재정법 시행령 §65의2①2 (read, the 2017-07-26 text in
 *   orca-technologies/legalize-kr: 지방채 발행액 + 보증채무 이행책임액 + 임대형 민자사업 순지방비 지급총액 +
 *   채무부담행위액 "의 총 합계액이 해당 연도 최종예산의 100분의 40을 초과"; §69①2 uses the same 최종예산
 *   denominator for 긴급재정관리, "100분의 60 이상"). The text names 최종예산 but not its scope (which 회계,
 *   총계 or 순계) [U: no stored text defines it — searched 2026-12-01 as below];
 *   "25% 초과" caution (주의): the ministry's 훈령 (지방재정위기 사전경보/관리제도 운영규정) and its 2015
 *   announcement ("25% 초과 시 '주의', 40% 초과 시 '심각'") [U: the 2017 시행령 text has no 주의 band
 *   (§65의2② monitoring, ⑤ 권고 only); a later amendment adding 재정주의단체 ("25 초과 40 이하") is reported
 *   by secondary sources but no stored statute text shows it. Searched again 2026-12-01 (#13): the legalize-kr
 *   mirrors hold 지방재정법 시행령 only in orca-technologies/legalize-kr (kr/지방재정법/시행령.md; 9bow/legalize-kr
 *   and legalize-kr/legalize-kr have no 지방재정법 path); its readable versions are the 2017-07-26 text
 *   (§65의2 as above) and an older 2012-01-31 one; the repository's other versions could not be fetched
 *   (snapshot above the size limit). A code search for "예산대비 채무비율" found only a third-party dashboard
 *   quoting "시행령 제65조의3 <개정 2024. 1. 9., 2025. 12. 2.>: 재정위기단체 채무비율 100분의 40 초과, 재정주의단체
 *   25 초과 40 이하" — a secondary source, not the statute text, so the 주의 band and its article stay [U]];
 *   otherwise normal (정상).
 * 초과 is strictly greater: the band compares integers (debt × 100 against budget × 25 or × 40), so a
 * ratio of exactly 25% is still normal and one won more is caution, whatever the size of the numbers.
 */
export const debtBands = ['normal', 'caution', 'severe'] as const;
export type DebtBand = (typeof debtBands)[number];
export const debtBandNames: Readonly<Record<DebtBand, string>> = { normal: '정상', caution: '주의', severe: '심각' };

export const CAUTION_PERCENT = 25n;
export const SEVERE_PERCENT = 40n;

export function debtBand(outstanding: bigint, budget: bigint): DebtBand | null {
  if (budget <= 0n) return null;
  if (outstanding * 100n > budget * SEVERE_PERCENT) return 'severe';
  if (outstanding * 100n > budget * CAUTION_PERCENT) return 'caution';
  return 'normal';
}

export interface DebtRatio {
  readonly ratio: ExactRatio;
  readonly band: DebtBand | null;
  readonly bandName: string | null;
}

export function debtRatio(outstanding: bigint, budget: bigint): DebtRatio {
  const band = debtBand(outstanding, budget);
  return { ratio: exactRatio(outstanding, budget), band, bandName: band === null ? null : debtBandNames[band] };
}
