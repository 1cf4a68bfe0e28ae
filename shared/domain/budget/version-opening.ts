import { refusal } from '#shared/domain/refusal.ts';
import type { Decided, Refusal } from '#shared/domain/refusal.ts';

/**
 * Which version a year opens next: the 본예산 (number 0) while the year has no final version, then
 * the next 추가경정예산 (final + 1), which starts as a copy of the final version. One version of a
 * year is open at a time.
 * Source: 지방재정법 제45조 (추가경정예산의 편성); one open version at a time is practice.
 */
export type VersionOpening = Decided<{ readonly number: number; readonly basedOn: number | undefined }>;

export function versionOpening(
  year: number,
  kind: 'original' | 'supplementary',
  state: { readonly openVersion: number | undefined; readonly finalVersion: number | undefined },
): VersionOpening {
  if (state.openVersion !== undefined) {
    return refused(
      refusal('conflict', 'version-open', `version ${state.openVersion} of the ${year} budget is still open: finalise it first`, {
        openVersion: state.openVersion,
      }),
    );
  }
  const finalVersion = state.finalVersion;
  if (kind === 'original' && finalVersion !== undefined)
    return refused(refusal('conflict', 'original-exists', `the ${year} 본예산 is already final; open a supplementary budget`));
  if (kind === 'supplementary' && finalVersion === undefined)
    return refused(
      refusal('conflict', 'no-final-version', `a supplementary budget copies the final ${year} budget, and there is none yet`),
    );
  return { ok: true, number: finalVersion === undefined ? 0 : finalVersion + 1, basedOn: finalVersion };
}

export const defaultVersionTitle = (year: number, kind: 'original' | 'supplementary', number: number): string =>
  kind === 'original' ? `${year}년도 본예산` : `${year}년도 제${number}회 추가경정예산`;

const refused = (r: Refusal): VersionOpening => ({ ok: false, refusal: r });
