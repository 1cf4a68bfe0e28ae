import { addDays, addMonths } from '#shared/domain/subsidy/dates.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 지방보조사업 수행 배제 and 교부/지급 제한 (보조금법 §32; 보조금령 §19). Mandatory ("하여야 한다") once
 * the count of cancellations (or 반환명령, for end receivers) reaches the ground's threshold. The
 * power is the head of the local government's (§32①③⑤), and every other government must apply it
 * once notified (§32⑥⑦): the register is nationwide, keyed by identifier. The ministry runs the
 * 통합관리망 (§28①) but has no power to exclude; it reads the register.
 *
 * | party | ground | count needed | period | article |
 * |---|---|---|---|---|
 * | 지방보조사업자 | fraud (거짓·부정 교부) | ≥ 1 취소 | 5 years | §32①1; 영 §19①1 |
 * | 지방보조사업자 | other purpose (용도 외 사용) | ≥ 2 취소 | 3 years | §32①2; 영 §19①2 |
 * | 지방보조사업자 | violation (법령·조례·교부조건 위반) | ≥ 3 취소 | 2 years | §32①3; 영 §19①3 |
 * | 지방보조금수령자 | fraud | ≥ 1 반환명령 | 5 years | §32③1; 영 §19③1 |
 * | 지방보조금수령자 | other purpose | ≥ 2 반환명령 | 3 years | §32③2; 영 §19③2 |
 * | 지방보조금수령자 | ineligible (요건 미비) | ≥ 3 반환명령 | 1 year | §32③3; 영 §19③3 |
 * | 부정계약업체 | prison > 1 year | 유죄 확정 | 5 years | §32⑤; 영 §19④1 |
 * | 부정계약업체 | prison ≤ 1 year | 유죄 확정 | 3 years | §32⑤; 영 §19④2 |
 * | 부정계약업체 | fine only | 유죄 확정 | 2 years | §32⑤; 영 §19④3 |
 *
 * For the second and third grounds of recipients and end receivers the period may be cut by up to
 * half for a minor error (영 §19① 단서, ③ 단서).
 */
export const exclusionParties = ['recipient', 'end-receiver', 'contractor'] as const;
export type ExclusionParty = (typeof exclusionParties)[number];
export const exclusionGrounds = ['fraud', 'other-purpose', 'violation', 'ineligible', 'prison-over-1y', 'prison-up-to-1y', 'fine'] as const;
export type ExclusionGround = (typeof exclusionGrounds)[number];

interface Band {
  readonly years: number;
  readonly minCount: number;
  readonly reducible: boolean;
  readonly article: string;
}

export const exclusionTable: Readonly<Record<ExclusionParty, Partial<Record<ExclusionGround, Band>>>> = {
  recipient: {
    fraud: { years: 5, minCount: 1, reducible: false, article: '보조금법 §32①1; 보조금령 §19①1' },
    'other-purpose': { years: 3, minCount: 2, reducible: true, article: '보조금법 §32①2; 보조금령 §19①2' },
    violation: { years: 2, minCount: 3, reducible: true, article: '보조금법 §32①3; 보조금령 §19①3' },
  },
  'end-receiver': {
    fraud: { years: 5, minCount: 1, reducible: false, article: '보조금법 §32③1; 보조금령 §19③1' },
    'other-purpose': { years: 3, minCount: 2, reducible: true, article: '보조금법 §32③2; 보조금령 §19③2' },
    ineligible: { years: 1, minCount: 3, reducible: true, article: '보조금법 §32③3; 보조금령 §19③3' },
  },
  contractor: {
    'prison-over-1y': { years: 5, minCount: 1, reducible: false, article: '보조금법 §32⑤; 보조금령 §19④1' },
    'prison-up-to-1y': { years: 3, minCount: 1, reducible: false, article: '보조금법 §32⑤; 보조금령 §19④2' },
    fine: { years: 2, minCount: 1, reducible: false, article: '보조금법 §32⑤; 보조금령 §19④3' },
  },
};

export interface ExclusionInput {
  readonly party: ExclusionParty;
  readonly ground: ExclusionGround;
  /** Cancellations (recipients), 반환명령 (end receivers) or convictions (contractors) on record. */
  readonly count: number;
  readonly from: string;
  readonly reductionMonths: number;
}

export interface ExclusionPeriod {
  readonly from: string;
  readonly until: string;
  readonly years: number;
  readonly reductionMonths: number;
  readonly article: string;
}

/** The period of an exclusion, or why it cannot be registered. `until` is the last day excluded. */
export function exclusionPeriod(input: ExclusionInput): Refusal | ExclusionPeriod {
  const band = exclusionTable[input.party][input.ground];
  if (!band) {
    return refusal('unprocessable', 'exclusion-grounds-not-met', `${input.ground} is not a ground for a ${input.party}`, {
      rule: 'ground of 보조금법 §32 for the party',
      party: input.party,
      ground: input.ground,
      grounds: Object.keys(exclusionTable[input.party]),
    });
  }
  if (input.count < band.minCount) {
    return refusal('unprocessable', 'exclusion-grounds-not-met', `${input.ground} needs ${band.minCount} or more on record`, {
      rule: `count ≥ ${band.minCount} (${band.article})`,
      numbers: { count: input.count, minCount: band.minCount },
    });
  }
  const maxReduction = band.reducible ? band.years * 6 : 0;
  if (input.reductionMonths > maxReduction) {
    return refusal(
      'unprocessable',
      'exclusion-reduction-not-allowed',
      'the period may be cut by at most half, and only for the 2nd and 3rd grounds',
      {
        rule: 'reductionMonths ≤ years × 12 / 2, grounds 2–3 only (보조금령 §19① 단서, ③ 단서)',
        numbers: { reductionMonths: input.reductionMonths, maxReductionMonths: maxReduction },
      },
    );
  }
  const until = addDays(addMonths(input.from, band.years * 12 - input.reductionMonths), -1);
  return { from: input.from, until, years: band.years, reductionMonths: input.reductionMonths, article: band.article };
}

export const exclusionActive = (period: { from: string; until: string }, on: string): boolean => period.from <= on && on <= period.until;
