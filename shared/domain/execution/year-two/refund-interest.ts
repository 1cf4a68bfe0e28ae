/**
 * The interest on a 과오납금 refunded (지방회계법 제28조제2항 본문; 지방회계법 시행령 제31조, as read):
 * from the day after the date its ground names to the day it is refunded, at the rate of 「국세기본법
 * 시행령」 제43조의3제2항. The ground fixes the starting date:
 *   제31조제1호 착오납부·이중납부 … : the day the 과오납금 was paid (with payments in instalments, the
 *            last one, going back payment by payment while the refund passes it: the request gives that date)
 *   제31조제2호 법령·조례의 제정·개정·폐지 : the day it took effect
 *   제31조제3호 감면 : the day the reduction was decided
 *   제31조제4호 사업계획 변경, 허가 취소 … : the day of that administrative decision
 * The rate itself is set outside the texts read (국세기본법 시행령 제43조의3제2항 refers to a rate the
 * 기획재정부령 sets and changes): the request states it in basis points per year ([U]: not checked against
 * the 시행규칙). A refund governed by another law's interest rule (제28조제2항 단서: 지방세기본법's
 * 환급가산금 for 지방세) is not computed here.
 */
import { keysOf } from '#shared/domain/table-keys.ts';
export const refundInterestGrounds = {
  'erroneous-payment': '지방회계법 시행령 제31조제1호 (착오납부, 이중납부, 이의신청 등: 과오납금을 납부한 날)',
  'law-changed': '지방회계법 시행령 제31조제2호 (법령·조례의 제정·개정·폐지: 시행일)',
  reduction: '지방회계법 시행령 제31조제3호 (감면: 감면 결정일)',
  'disposition-changed': '지방회계법 시행령 제31조제4호 (사업계획 변경, 허가 취소 등: 행정처분의 결정일)',
} as const;

export type RefundInterestGround = keyof typeof refundInterestGrounds;
export const refundInterestGroundKeys = keysOf(refundInterestGrounds);

/** The interest a refund carries, as its request gives it. */
export interface RefundInterestTerms {
  readonly ground: RefundInterestGround;
  /** The date the ground names (yyyy-mm-dd); interest runs from the day after. */
  readonly from: string;
  /** 「국세기본법 시행령」 제43조의3제2항's rate, in basis points per year. */
  readonly rateBp: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * Days from the day after `from` to `refundedOn`, both counted as calendar days (제31조: "다음 날부터
 * 반환하는 날까지"), and the interest on `amount` for them: amount × rate × days / 365, in exact
 * integer arithmetic, cut to the won (practice [U]: the rounding is not in the texts read; 지방회계법
 * 제55조 lets amounts under 10 won be dropped, which is not applied here). Negative when `from` is
 * after the refund (the caller refuses it).
 */
export function refundInterest(amount: number, terms: RefundInterestTerms, refundedOn: string): { days: number; interest: number } {
  const days = dayNumber(refundedOn) - dayNumber(terms.from);
  if (days <= 0) return { days, interest: 0 };
  const interest = (BigInt(amount) * BigInt(terms.rateBp) * BigInt(days)) / (10_000n * 365n);
  return { days, interest: Number(interest) };
}
