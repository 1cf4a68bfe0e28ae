import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { GrantCutTaken } from '#shared/domain/subsidy/next-grant-cut.ts';

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

/**
 * A grant's 시정명령 for its 공시, as the nationwide index keeps it under each identifier of the recipient
 * (written with each order and compliance), until a decision of the same government takes its cut.
 */
export interface DisclosureCase {
  readonly gov: string;
  readonly applicationId: string;
  /** The disclosed year: the year of the grant whose 공시 failed. */
  readonly year: number;
  readonly orders: readonly CorrectionOrder[];
}

/** A grant's case as the index holds it: where its counted orders start, how many it counts, whether a decision took it. */
export interface StoredRound {
  readonly firstOrder: number;
  readonly orders: number;
  readonly taken: boolean;
}

/**
 * Which of a grant's orders the next cut counts (practice [U]: 영 §11의2⑤ counts the 시정명령 "받고도 이행하지
 * 아니한" without saying what a cut consumes; a failure already cut is not cut twice, a new failure is). A
 * decision that takes the cut closes the orders it counted; an order issued after it starts a new count from
 * itself (`firstOrder`), so the next 교부결정 takes the band of the orders unmet since, never of all of them.
 * `reopens`: the write replaces a taken case. Orders before `firstOrder` are closed (`disclosure-cut-taken`).
 */
export function disclosureRound(stored: StoredRound | undefined): { readonly firstOrder: number; readonly reopens: boolean } {
  if (!stored) return { firstOrder: 0, reopens: false };
  if (stored.taken) return { firstOrder: stored.firstOrder + stored.orders, reopens: true };
  return { firstOrder: stored.firstOrder, reopens: false };
}

export interface DisclosureChoice {
  /** The cut in basis points of the disclosed year's grant total, inside the band of the count. */
  readonly disclosureCutBp?: number | undefined;
  /** Why the grant is not cut although 시정명령 went unmet. */
  readonly disclosureCutWaiver?: string | undefined;
}

export interface DisclosureCutTaken extends GrantCutTaken<DisclosureCase> {
  readonly unmetOrders: number;
  readonly disclosedYear: number;
  readonly yearGrantTotal: number;
}

/**
 * The 공시 cut as a decision of the same government takes it (practice for the moment of the cut: the
 * next 교부결정 to the recipient, as the late-report cut of 보조금령 §9④). The case with the most orders
 * unmet on the decision day sets the band and the base (the grants of its year from this government,
 * `yearGrantOf`); its cut comes off `amount` once for all pending cases. Nothing unmet and no rate
 * asked → no cut; a rate asked with nothing unmet → the rule's `disclosure-cut-without-order`.
 */
export function nextGrantDisclosureCut(input: {
  readonly gov: string;
  readonly amount: number;
  readonly cases: readonly DisclosureCase[];
  readonly yearGrantOf: (year: number) => number;
  readonly on: string;
  readonly choice: DisclosureChoice;
}): DisclosureCutTaken | Refusal | undefined {
  const { choice, on } = input;
  const due = input.cases.filter((each) => each.gov === input.gov && unmetOrders(each.orders, on) > 0);
  const strongest = due.reduce<DisclosureCase | undefined>(
    (a, b) => (a === undefined || unmetOrders(b.orders, on) > unmetOrders(a.orders, on) ? b : a),
    undefined,
  );
  if (strongest === undefined) {
    if (choice.disclosureCutBp === undefined) return undefined;
    const own = input.cases.filter((each) => each.gov === input.gov).flatMap((each) => each.orders);
    return disclosureCut({ yearGrantTotal: 0, orders: own, on, cutBp: choice.disclosureCutBp }) as Refusal;
  }
  const unmet = unmetOrders(strongest.orders, on);
  const band = disclosureCutBand(unmet) as DisclosureCutBand;
  const yearGrantTotal = input.yearGrantOf(strongest.year);
  const numbers = {
    unmetOrders: unmet,
    minCutBp: band.minCutBp,
    maxCutBp: band.maxCutBp,
    disclosedYear: strongest.year,
    yearGrantTotal,
    applications: due.map((each) => each.applicationId),
  };
  if (choice.disclosureCutBp === undefined) {
    if (choice.disclosureCutWaiver === undefined) {
      return refusal(
        'unprocessable',
        'disclosure-cut-undecided',
        '시정명령 for a 공시 of this recipient went unmet: decide the cut (disclosureCutBp) or record why not (disclosureCutWaiver)',
        { rule: `unmet 시정명령 → a cut within the band of the count, or a recorded reason (${DISCLOSURE_CUT_ARTICLE})`, numbers },
      );
    }
    const base = { cut: 0, cutBp: 0, unmetOrders: unmet, disclosedYear: strongest.year, yearGrantTotal };
    return { ...base, waiver: choice.disclosureCutWaiver, taken: due, article: DISCLOSURE_CUT_ARTICLE };
  }
  const cut = disclosureCut({ yearGrantTotal, orders: strongest.orders, on, cutBp: choice.disclosureCutBp });
  if ('code' in cut) return cut;
  if (cut.cut >= input.amount) {
    return refusal('unprocessable', 'disclosure-cut-exceeds-grant', `a cut of ${cut.cut} leaves nothing of a grant of ${input.amount}`, {
      rule: 'the 공시 cut comes off the next grant and leaves some of it (practice); choose a lower rate in the band',
      numbers: { ...numbers, cut: cut.cut, amount: input.amount },
    });
  }
  return {
    cut: cut.cut,
    cutBp: cut.cutBp,
    unmetOrders: unmet,
    disclosedYear: strongest.year,
    yearGrantTotal,
    taken: due,
    article: DISCLOSURE_CUT_ARTICLE,
  };
}
