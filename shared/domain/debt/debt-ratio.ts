import { exactRatio } from '#shared/domain/disclosure/ratio.ts';
import type { ExactRatio } from '#shared/domain/disclosure/ratio.ts';

/**
 * 예산대비채무비율 (지방재정위기관리제도): outstanding debt over the final budget, in bands
 *   < 25% normal (정상), 25% ≤ ratio < 40% caution (주의), ≥ 40% severe (심각).
 * The band compares integers (debt × 100 against budget × 25 or × 40), so a ratio of exactly 25%
 * is caution and one won less is normal, whatever the size of the numbers.
 */
export const debtBands = ['normal', 'caution', 'severe'] as const;
export type DebtBand = (typeof debtBands)[number];
export const debtBandNames: Readonly<Record<DebtBand, string>> = { normal: '정상', caution: '주의', severe: '심각' };

export const CAUTION_PERCENT = 25n;
export const SEVERE_PERCENT = 40n;

export function debtBand(outstanding: bigint, budget: bigint): DebtBand | null {
  if (budget <= 0n) return null;
  if (outstanding * 100n >= budget * SEVERE_PERCENT) return 'severe';
  if (outstanding * 100n >= budget * CAUTION_PERCENT) return 'caution';
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
