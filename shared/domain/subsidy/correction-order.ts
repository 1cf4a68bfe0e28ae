import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { CorrectionOrder } from '#shared/domain/subsidy/disclosure-cut.ts';

/**
 * The 시정명령 for a 공시 (보조금법 §20의2②; 보조금령 §11의2④): a recipient that had to disclose (the
 * grant's `disclosure` obligation: ≥ 500만원 for the 사업 in the year, 영 §11의2①) and did not by its
 * day (4 months after year end, 영 §11의2②), or disclosed falsely, is ordered in writing what to
 * correct and by when. Orders are numbered from 1 on the grant; one runs at a time (practice: a second
 * order before the first's day would count the same failure twice in the bands of 영 §11의2⑤).
 */
export const CORRECTION_ORDER_ARTICLE = '보조금법 §20의2②; 보조금령 §11의2④';

/** 거짓 공시 may be ordered at any time; a 공시 not made only after its day passed. */
export const disclosureFailures = ['not-disclosed', 'false-disclosure'] as const;
export type DisclosureFailure = (typeof disclosureFailures)[number];

export interface CorrectionOrderInput {
  readonly ground: DisclosureFailure;
  /** What is to be corrected (영 §11의2④ "내용"). */
  readonly content: string;
  readonly issuedOn: string;
  /** The day by which it is to be complied with (영 §11의2④ "기간"). */
  readonly complyBy: string;
}

/** Why this order may not be issued on this grant now, if anything. */
export function correctionOrderRefusal(facts: {
  /** The grant's `disclosure` obligation day; none when the grant is below 500만원. */
  readonly disclosureDue: string | undefined;
  readonly grantAmount: number;
  readonly order: CorrectionOrderInput;
  readonly orders: readonly CorrectionOrder[];
}): Refusal | undefined {
  const { order } = facts;
  if (facts.disclosureDue === undefined) {
    return refusal('unprocessable', 'disclosure-not-required', 'this grant carries no 공시 obligation: there is nothing to order', {
      rule: 'a 사업 granted ≥ 5,000,000 in the year is disclosed (보조금법 §20의2①; 보조금령 §11의2①)',
      numbers: { grantAmount: facts.grantAmount, threshold: 5_000_000 },
    });
  }
  if (order.complyBy <= order.issuedOn) {
    return refusal('unprocessable', 'correction-order-dates', 'a 시정명령 gives a day to comply after the day it is issued', {
      rule: 'issuedOn < complyBy (보조금령 §11의2④: the order states its period)',
      issuedOn: order.issuedOn,
      complyBy: order.complyBy,
    });
  }
  if (order.ground === 'not-disclosed' && order.issuedOn <= facts.disclosureDue) {
    return refusal('unprocessable', 'disclosure-not-yet-due', `the 공시 is due by ${facts.disclosureDue}: it is not missed yet`, {
      rule: 'the 공시 is due 4 months after the end of the year (보조금령 §11의2②)',
      disclosureDue: facts.disclosureDue,
      issuedOn: order.issuedOn,
    });
  }
  const running = facts.orders.findIndex((each) => each.compliedOn === undefined && each.complyBy >= order.issuedOn);
  if (running >= 0) {
    return refusal('conflict', 'correction-order-running', `시정명령 ${running + 1} runs until ${facts.orders[running]?.complyBy}`, {
      rule: 'one 시정명령 at a time: the next after the last one’s day (practice; 보조금령 §11의2⑤ counts each order once)',
      orderNo: running + 1,
    });
  }
  return undefined;
}

/** Why the compliance with an order may not be recorded, if anything (a late compliance is recorded, and still counts). */
export function complianceRefusal(order: CorrectionOrder, orderNo: number, compliedOn: string): Refusal | undefined {
  if (order.compliedOn !== undefined) {
    return refusal('conflict', 'correction-order-complied', `시정명령 ${orderNo} was complied with on ${order.compliedOn}`, {
      rule: 'a compliance is recorded once',
    });
  }
  if (compliedOn < order.issuedOn) {
    return refusal('unprocessable', 'correction-order-dates', 'an order is complied with after it was issued', {
      rule: 'issuedOn ≤ compliedOn',
      issuedOn: order.issuedOn,
      compliedOn,
    });
  }
  return undefined;
}
