import type { LateBand } from '#shared/domain/subsidy/reporting.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The cut of the next grant for a late 실적보고 (보조금법 §17③; 보조금령 §9④): the head who granted may
 * cut the first grant he decides for the same recipient after the late report was submitted, within
 * the band of the delay (3–6 months ≤ 10 %, 6–12 months > 10 % to 20 %, ≥ 12 months > 20 % to 50 %;
 * never more than 50 %, §17③ 후단). The report leaves a pending cut under the recipient's
 * identifiers; the next decision of that government takes it once — with a rate inside the band, or
 * with the recorded reason why it does not cut ("삭감할 수 있다": the law allows, it does not oblige).
 */
export interface PendingCut {
  readonly gov: string;
  /** The grant whose report was late. */
  readonly applicationId: string;
  readonly minCutBp: number;
  readonly maxCutBp: number;
  readonly monthsLate: number;
  readonly article: string;
}

/** What a late report leaves for the next grant, if anything (band 0: less than 3 months late). */
export const pendingCutOf = (gov: string, applicationId: string, late: LateBand): PendingCut | undefined =>
  late.band === 0
    ? undefined
    : { gov, applicationId, minCutBp: late.minCutBp, maxCutBp: late.maxCutBp, monthsLate: late.monthsLate, article: late.article };

export interface CutChoice {
  /** The rate of the cut in basis points of the grant, inside the band. */
  readonly cutBp?: number | undefined;
  /** Why the grant is not cut although a report was late. */
  readonly cutWaiver?: string | undefined;
}

/**
 * A cut a 교부결정 takes (this one for a late report, disclosure-cut.ts for an unmet 공시 시정명령): the
 * amount and rate, or the recorded reason it does not cut, the cases it takes (each once) and the article.
 */
export interface GrantCutTaken<Case> {
  readonly cut: number;
  readonly cutBp: number;
  readonly waiver?: string;
  readonly taken: readonly Case[];
  readonly article: string;
}

export interface NextGrantCut extends GrantCutTaken<PendingCut> {
  /** The grant after the cut (exact won, the cut rounded down). */
  readonly decided: number;
}

/**
 * The grant of `amount` after the pending cuts of this government: none pending → as asked; pending →
 * the strongest band (the longest delay) applies, once for all of them.
 */
export function nextGrantCut(
  gov: string,
  amount: number,
  pending: readonly PendingCut[],
  choice: CutChoice,
): NextGrantCut | Refusal | undefined {
  const own = pending.filter((cut) => cut.gov === gov);
  if (own.length === 0) return undefined;
  const band = own.reduce((a, b) => (b.maxCutBp > a.maxCutBp ? b : a));
  const numbers = {
    monthsLate: band.monthsLate,
    minCutBp: band.minCutBp,
    maxCutBp: band.maxCutBp,
    lateApplications: own.map((c) => c.applicationId),
  };
  if (choice.cutBp === undefined && choice.cutWaiver === undefined) {
    return refusal(
      'unprocessable',
      'report-cut-undecided',
      'a 실적보고 of this recipient was late: decide the cut of this grant (cutBp) or record why not (cutWaiver)',
      {
        rule: 'late 실적보고 → the next grant cut within the band, or a recorded reason (보조금법 §17③; 보조금령 §9④)',
        numbers,
      },
    );
  }
  const cutBp = choice.cutBp ?? 0;
  if (choice.cutBp !== undefined && (cutBp < band.minCutBp || cutBp > band.maxCutBp)) {
    return refusal(
      'unprocessable',
      'report-cut-outside-band',
      `the cut of ${cutBp} bp is outside the band of a report ${band.monthsLate} months late`,
      {
        rule: 'minCutBp ≤ cutBp ≤ maxCutBp (보조금령 §9④)',
        requested: cutBp,
        numbers,
      },
    );
  }
  const cut = Math.floor((amount * cutBp) / 10_000);
  return {
    decided: amount - cut,
    cut,
    cutBp,
    ...(choice.cutBp === undefined && choice.cutWaiver !== undefined ? { waiver: choice.cutWaiver } : {}),
    taken: own,
    article: band.article,
  };
}
