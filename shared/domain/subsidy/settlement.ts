import { yearEnd, yearOf } from '#shared/domain/subsidy/dates.ts';
import { beyondDecided } from '#shared/domain/subsidy/decision.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 금액 확정 and 반환.
 * - The head reviews the 실적보고 and fixes the amount (보조금법 §19); it is at most the decided grant.
 * - Where paid + the interest it earned exceeds the fixed amount, the excess is returned (§31②).
 * - The decided but unpaid part is released from the commitment (the line's reserve comes back).
 */
export interface SettlementFacts {
  readonly decided: number;
  readonly paid: number;
  readonly fixed: number;
  readonly interest: number;
}

export interface Settlement {
  readonly fixed: number;
  readonly returnDue: number;
  readonly stillToPay: number;
  readonly releaseFromCommitment: number;
}

export function settle(facts: SettlementFacts): Refusal | Settlement {
  if (facts.fixed > facts.decided) {
    return beyondDecided(facts.fixed, facts.decided, {
      code: 'fixed-exceeds-grant',
      detail: 'the fixed amount is more than the decided grant',
      rule: 'fixed ≤ decided (보조금법 §19②)',
    });
  }
  const returnDue = Math.max(0, facts.paid + facts.interest - facts.fixed);
  return {
    fixed: facts.fixed,
    returnDue,
    stillToPay: Math.max(0, facts.fixed - facts.paid),
    releaseFromCommitment: facts.decided - Math.max(facts.fixed, facts.paid),
  };
}

/**
 * Where a 반환 goes (지방회계법 §27):
 * - received before the 출납 폐쇄기한 of the grant's fiscal year: 반납 — back to the same 세출 과목 it
 *   was paid from, and the line's available budget comes back (§27②). The 폐쇄기한 is 31 December
 *   (§7① 본문), but a 지방보조사업자's 정산반납 — the excess after its 실적보고 and 금액 확정 (보조금법 §17,
 *   §19, §31②) — may be received until 20 January of the next year (§7① 단서·3호; 회계령 §3 2호, read);
 *   a 반환 ordered by a 교부결정 취소 (보조금법 §31①) is no 정산 and keeps 31 December;
 * - received later: a receipt of a closed year, so revenue of the year it is received in (§27①),
 *   assessed on a revenue line; the old line is not restored.
 */
export type ReturnDestination =
  | { readonly kind: 'restore-line'; readonly year: number; readonly article: string }
  | { readonly kind: 'current-year-revenue'; readonly year: number; readonly article: string };

export const SETTLEMENT_RETURN_WINDOW_ARTICLE = '지방회계법 §7①3, §27②; 회계령 §3 2호';

export function returnDestination(grantYear: number, receivedOn: string, settlementReturn = false): ReturnDestination {
  if (receivedOn <= yearEnd(grantYear)) return { kind: 'restore-line', year: grantYear, article: '지방회계법 §27②' };
  if (settlementReturn && receivedOn <= `${grantYear + 1}-01-20`)
    return { kind: 'restore-line', year: grantYear, article: SETTLEMENT_RETURN_WINDOW_ARTICLE };
  return { kind: 'current-year-revenue', year: yearOf(receivedOn), article: '지방회계법 §27①' };
}

export function returnRefusal(outstanding: number, amount: number): Refusal | undefined {
  if (amount <= outstanding) return undefined;
  return refusal('unprocessable', 'return-exceeds-due', 'the amount is more than is still to be returned', {
    rule: 'amount ≤ outstanding (보조금법 §31)',
    requested: amount,
    available: outstanding,
    numbers: { outstanding },
  });
}

/** A part of a 반납 and the payment order it goes back against. */
export interface ReturnPart {
  readonly orderId: string;
  readonly amount: number;
}

/**
 * Which payment orders of the grant a 반납 goes back against (지방회계법 §27②: to the 과목 it was paid
 * from; never more than an order paid, the execution rule `return-within-paid`): the latest payment
 * first, after what the earlier 반납 of the grant took (`restoredBefore`). What no order covers
 * (interest earned on the grant, 보조금법 §31②) is `rest`: revenue, not a 반납.
 */
export function returnParts(
  orders: readonly ReturnPart[],
  restoredBefore: number,
  amount: number,
): { readonly parts: readonly ReturnPart[]; readonly rest: number } {
  let skip = restoredBefore;
  let left = amount;
  const parts: ReturnPart[] = [];
  for (const order of [...orders].reverse()) {
    const open = Math.max(0, order.amount - skip);
    skip = Math.max(0, skip - order.amount);
    const part = Math.min(open, left);
    if (part > 0) parts.push({ orderId: order.orderId, amount: part });
    left -= part;
  }
  return { parts, rest: left };
}
