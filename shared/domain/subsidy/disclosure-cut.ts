import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The cut for a 공시 not made or made falsely (보조금법 §20의2②; 보조금령 §11의2④⑤).
 *
 * A recipient that had to disclose (≥ 500만원 in the year, 영 §11의2①) and did not by the deadline (4 months
 * after year end, 영 §11의2②), or disclosed falsely, is first given a 시정명령 — in writing, with what to
 * correct and by when (영 §11의2④). Each order not complied with by its day counts; the head may then cut
 * the grants of the disclosed year, on their total (§20의2② 후단: "공시하는 회계연도에 교부하기로 한
 * 지방보조금 총액"), within the band of the count (영 §11의2⑤):
 *   1 order not complied with      ≤ 10 %
 *   2 orders                       > 10 % to 20 %
 *   3 or more                      > 20 % to 50 % (never more than 50 %, §20의2② 후단)
 * No order not complied with, no cut: the order comes first. "삭감 … 할 수 있다": the law allows a cut,
 * it does not oblige one, so the rate is the head's within the band. Rates are basis points; a band's
 * exclusive lower bound is its first whole basis point above it (as the late-report bands, 영 §9④).
 */
export const DISCLOSURE_CUT_ARTICLE = '보조금법 §20의2②; 보조금령 §11의2④⑤';

/** The bands of 영 §11의2⑤ as data: from `unmetOrders` on, the cut lies in [minCutBp, maxCutBp]. */
export const disclosureCutBands = [
  { unmetOrders: 3, minCutBp: 2001, maxCutBp: 5000, clause: '영 §11의2⑤3' },
  { unmetOrders: 2, minCutBp: 1001, maxCutBp: 2000, clause: '영 §11의2⑤2' },
  { unmetOrders: 1, minCutBp: 0, maxCutBp: 1000, clause: '영 §11의2⑤1' },
] as const;

export type DisclosureCutBand = (typeof disclosureCutBands)[number];

/** A 시정명령 as issued (영 §11의2④: in writing, with its content and the day it is due). */
export interface CorrectionOrder {
  readonly issuedOn: string;
  readonly complyBy: string;
  readonly compliedOn?: string | undefined;
}

/** The orders not complied with by their day, as of `on` (an order still running does not count yet). */
export const unmetOrders = (orders: readonly CorrectionOrder[], on: string): number =>
  orders.filter((order) => order.complyBy < on && (order.compliedOn === undefined || order.compliedOn > order.complyBy)).length;

export const disclosureCutBand = (unmet: number): DisclosureCutBand | undefined =>
  disclosureCutBands.find((band) => unmet >= band.unmetOrders);

export interface DisclosureCut {
  /** The grants of the disclosed year from this government to the recipient, the base of the cut. */
  readonly yearGrantTotal: number;
  readonly unmetOrders: number;
  readonly cutBp: number;
  /** Exact won, rounded down. */
  readonly cut: number;
  readonly band: DisclosureCutBand;
  readonly article: string;
}

/** The cut of `cutBp` on the year's grant total, or why it may not be made. */
export function disclosureCut(input: {
  readonly yearGrantTotal: number;
  readonly orders: readonly CorrectionOrder[];
  readonly on: string;
  readonly cutBp: number;
}): DisclosureCut | Refusal {
  const unmet = unmetOrders(input.orders, input.on);
  const band = disclosureCutBand(unmet);
  const numbers = { unmetOrders: unmet, ordersIssued: input.orders.length, yearGrantTotal: input.yearGrantTotal };
  if (!band) {
    return refusal('conflict', 'disclosure-cut-without-order', 'no 시정명령 for the 공시 has passed its day unmet: order first', {
      rule: 'a cut follows a written 시정명령 not complied with by its day (보조금법 §20의2②; 보조금령 §11의2④⑤)',
      numbers,
    });
  }
  if (input.cutBp < band.minCutBp || input.cutBp > band.maxCutBp) {
    return refusal(
      'unprocessable',
      'disclosure-cut-outside-band',
      `a cut of ${input.cutBp} bp is outside the band of ${unmet} 시정명령 not complied with`,
      {
        rule: `minCutBp ≤ cutBp ≤ maxCutBp (${band.clause})`,
        requested: input.cutBp,
        numbers: { ...numbers, minCutBp: band.minCutBp, maxCutBp: band.maxCutBp },
      },
    );
  }
  return {
    yearGrantTotal: input.yearGrantTotal,
    unmetOrders: unmet,
    cutBp: input.cutBp,
    cut: Math.floor((input.yearGrantTotal * input.cutBp) / 10_000),
    band,
    article: DISCLOSURE_CUT_ARTICLE,
  };
}
