import { dateOf, dayNumber, firstRateDay, rateSegments } from '#shared/domain/execution/year-two/refund-interest-rates.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

/**
 * The interest a refund of 과오납금 carries, by the law that governs it (지방회계법 제28조제2항, read:
 * "이자를 지급하여야 한다. 다만, 다른 법률에 … 특별한 규정이 있는 경우에는 그 법률에서 정하는 바에 따른다"):
 *
 * - `local-accounting` (지방회계법 시행령 제31조, read): from the day after the date its ground names to
 *   the day it is refunded, at the rate of 「국세기본법 시행령」 제43조의3제2항.
 * - `local-tax`: 지방세 refunds carry 지방세환급가산금 instead (지방세기본법 제62조제1항, read: from the day
 *   the 시행령 names to the day the refund is decided — the refund posting's date); 지방세기본법 시행령
 *   제43조제1항 (read) names "다음 각 호의 구분에 따른 날의 다음 날", 제1호–제6호 below, and 제43조제2항 the
 *   rate: the same 기본이자율, 1.5 times when the refund follows an appeal's decision or judgment and is
 *   paid 40 days or more after it became final (단서).
 *
 * The rate comes from the dated table (refund-interest-rates.ts), never from the request.
 */
export type InterestLaw = 'local-accounting' | 'local-tax';

interface Ground {
  readonly law: InterestLaw;
  readonly source: string;
  /** Days added to the date the request gives (제43조제1항제5호·제6호: "…부터 30일이 지난 날"). */
  readonly waitDays?: number;
}

export const refundInterestGrounds = {
  'erroneous-payment': {
    law: 'local-accounting',
    source: '지방회계법 시행령 제31조제1호 (착오납부, 이중납부, 이의신청 등: 과오납금을 납부한 날)',
  },
  'law-changed': { law: 'local-accounting', source: '지방회계법 시행령 제31조제2호 (법령·조례의 제정·개정·폐지: 시행일)' },
  reduction: { law: 'local-accounting', source: '지방회계법 시행령 제31조제3호 (감면: 감면 결정일)' },
  'disposition-changed': {
    law: 'local-accounting',
    source: '지방회계법 시행령 제31조제4호 (사업계획 변경, 허가 취소 등: 행정처분의 결정일)',
  },
  'local-tax-erroneous-payment': {
    law: 'local-tax',
    source: '지방세기본법 시행령 제43조제1항제1호 (착오납부, 이중납부, 신고·부과의 경정·취소: 납부일; 분할납부는 마지막 납부일부터 소급)',
  },
  'local-tax-annual-prepayment': {
    law: 'local-tax',
    source:
      '지방세기본법 시행령 제43조제1항제2호 (연세액 일시납부의 일할계산: 소유권이전등록일·양도일·사용 폐지일, 그 후 납부했으면 납부일)',
  },
  'local-tax-reduction': { law: 'local-tax', source: '지방세기본법 시행령 제43조제1항제3호 (감면: 감면 결정일)' },
  'local-tax-law-changed': { law: 'local-tax', source: '지방세기본법 시행령 제43조제1항제4호 (법령·조례 개정: 시행일)' },
  'local-tax-return': {
    law: 'local-tax',
    source:
      '지방세기본법 시행령 제43조제1항제5호 (환급세액의 신고·환급신청: 신고일(법정신고기일 전이면 그 기일) 또는 신청일부터 30일이 지난 날)',
    waitDays: 30,
  },
  'local-tax-income-decision': {
    law: 'local-tax',
    source: '지방세기본법 시행령 제43조제1항제6호 (지방소득세의 결정·경정: 결정·경정한 날부터 30일이 지난 날)',
    waitDays: 30,
  },
} as const satisfies Record<string, Ground>;

export type RefundInterestGround = keyof typeof refundInterestGrounds;
export const refundInterestGroundKeys = keysOf(refundInterestGrounds);

/** The interest a refund carries, as its request gives it: the ground and its date, never the rate. */
export interface RefundInterestTerms {
  readonly ground: RefundInterestGround;
  /** The date the ground names (yyyy-mm-dd). */
  readonly from: string;
  /** 지방세 only: the day the appeal's decision or judgment became final (지방세기본법 시행령 제43조제2항 단서). */
  readonly appealFinalOn?: string | undefined;
}

/** The interest law of a revenue line: 지방세수입 (세입 과목 1) refunds carry 지방세환급가산금. */
export const interestLawOf = (revenueCode: string): InterestLaw => (revenueCode.split('-')[0] === '1' ? 'local-tax' : 'local-accounting');

/** Days after a final decision from which a 지방세 refund takes 1.5 times the rate (제43조제2항 단서: "40일 이후"). */
const APPEAL_GRACE_DAYS = 40;

export type RefundInterest =
  | {
      readonly kind: 'computed';
      readonly days: number;
      readonly interest: number;
      /** The first day interest runs (the day after the date the ground names). */
      readonly runsFrom: string;
      /** 1.5 under 지방세기본법 시행령 제43조제2항 단서, else 1. */
      readonly multiplier: 1 | 1.5;
      readonly rates: readonly { readonly from: string; readonly perMille: number; readonly days: number; readonly source: string }[];
    }
  | { readonly kind: 'after-refund'; readonly runsFrom: string }
  | { readonly kind: 'rate-unknown'; readonly runsFrom: string; readonly firstRateDay: string };

/**
 * The interest on `amount` from the day after the ground's date (plus its waiting days) to `refundedOn`,
 * both counted (제31조: "다음 날부터 반환하는 날까지"; 지방세기본법 제62조①: "…날부터 … 지급결정을 하는 날까지"):
 * Σ amount × 연 rate × days ÷ 365 over the rate rows in force (× 1.5 under 제43조② 단서), summed exactly in
 * bigint and cut to the won once (practice [U]: the rounding and the 365-day year are not in the texts read —
 * 「국세기본법 시행령」 제43조의3 (read in legalize-kr, orca-technologies, the version of 2022.2.15) names the 기산일
 * (①) and the 기본이자율 and its 1.5배 (②), 시행규칙 제19조의3 only "연 1천분의 N"; neither names a day count, a
 * leap-year rule or a rounding; 지방회계법 제55조's dropping of amounts under 10 won is not applied). No days,
 * no interest.
 */
export function refundInterest(amount: number, terms: RefundInterestTerms, refundedOn: string): RefundInterest {
  const ground: Ground = refundInterestGrounds[terms.ground];
  const first = dayNumber(terms.from) + (ground.waitDays ?? 0) + 1;
  const last = dayNumber(refundedOn);
  const runsFrom = dateOf(first);
  // The date the request names cannot follow the refund; its waiting days may (then no interest is due yet).
  if (dayNumber(terms.from) > last) return { kind: 'after-refund', runsFrom };
  if (first <= last && first < dayNumber(firstRateDay)) return { kind: 'rate-unknown', runsFrom, firstRateDay };
  const multiplier = ground.law === 'local-tax' && appealRaised(terms, refundedOn) ? 1.5 : 1;
  const segments = first <= last ? rateSegments(first, last) : [];
  // × 1.5 as × 3 ÷ 2, so the sum stays an exact integer fraction
  const [num, den] = multiplier === 1.5 ? [3n, 2n] : [1n, 1n];
  const numerator = segments.reduce((s, { rate, days }) => s + BigInt(amount) * BigInt(rate.perMille) * BigInt(days) * num, 0n);
  const interest = Number(numerator / (1000n * 365n * den));
  return {
    kind: 'computed',
    days: Math.max(0, last - first + 1),
    interest,
    runsFrom,
    multiplier,
    rates: segments.map(({ rate, days }) => ({ from: rate.from, perMille: rate.perMille, days, source: rate.source })),
  };
}

/** 지방세기본법 시행령 제43조제2항 단서: paid 40 days or more after the appeal's outcome became final (초일 불산입, 민법 제157조 [U]). */
const appealRaised = (terms: RefundInterestTerms, refundedOn: string): boolean =>
  terms.appealFinalOn !== undefined && dayNumber(refundedOn) - dayNumber(terms.appealFinalOn) >= APPEAL_GRACE_DAYS;
