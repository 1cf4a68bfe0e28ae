import type { ProblemCode } from '#shared/domain/problem-codes.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The 교부결정 (보조금법 §8–§10): after a 공모 the committee must have reviewed it (§8②); the amount is at
 * most what was asked and what the committee approved (§8①3 금액 산정), and the program's budget
 * must still hold it (§8①1 예산의 목적에의 적합).
 */
export interface DecisionFacts {
  readonly publicCall: boolean;
  readonly reviewed: boolean;
  readonly amount: number;
  readonly amountAsked: number;
  readonly committeeApproved: number | undefined;
  readonly programBudget: number;
  readonly programDecided: number;
}

export function decisionRefusal(facts: DecisionFacts): Refusal | undefined {
  if (facts.publicCall && !facts.reviewed) {
    return refusal('unprocessable', 'committee-review-required', 'a grant after a 공모 needs the 지방보조금관리위원회 review first', {
      rule: '보조금법 §8② 공모 → 관리위원회 심의 → 교부결정',
    });
  }
  const cap = Math.min(facts.amountAsked, facts.committeeApproved ?? facts.amountAsked);
  if (facts.amount > cap) {
    return refusal('unprocessable', 'grant-exceeds-request', 'the grant is more than was asked or the committee approved', {
      rule: 'amount ≤ min(amountAsked, committeeApproved) (보조금법 §8①3)',
      requested: facts.amount,
      available: cap,
      numbers: {
        amountAsked: facts.amountAsked,
        ...(facts.committeeApproved === undefined ? {} : { committeeApproved: facts.committeeApproved }),
      },
    });
  }
  if (facts.programDecided + facts.amount > facts.programBudget) {
    return refusal('unprocessable', 'grant-exceeds-program-budget', 'the program’s budget does not hold this grant', {
      rule: 'decided + amount ≤ program budget (보조금법 §8①1)',
      requested: facts.amount,
      available: facts.programBudget - facts.programDecided,
      numbers: { budget: facts.programBudget, decided: facts.programDecided },
    });
  }
  return undefined;
}

/**
 * A part of a 교부결정 put above the decided amount (a changed allocation, the fixed amount, a
 * cancellation): `rule` names the limit and its article.
 */
export const beyondDecided = (
  requested: number,
  decided: number,
  limit: { readonly code: ProblemCode; readonly detail: string; readonly rule: string },
): Refusal => refusal('unprocessable', limit.code, limit.detail, { rule: limit.rule, requested, available: decided, numbers: { decided } });

/**
 * The approved cost allocation for a grant of `amount`: the grant money of each line scaled to the
 * decided amount (exact won: rounded down, the remainder to the largest lines first), own money as
 * applied. A grant of the full amount asked keeps the allocation as applied.
 */
export function allocationFor<T extends { readonly item: string; readonly grant: number; readonly own: number }>(
  costs: readonly T[],
  amount: number,
): T[] {
  const asked = costs.reduce((sum, line) => sum + line.grant, 0);
  if (amount >= asked || asked === 0) return [...costs];
  const scaled = costs.map((line) => ({ ...line, grant: Math.floor((line.grant * amount) / asked) }));
  let rest = amount - scaled.reduce((sum, line) => sum + line.grant, 0);
  const order = [...scaled.keys()].sort((a, b) => (costs[b] as T).grant - (costs[a] as T).grant);
  for (const index of order) {
    if (rest === 0) break;
    (scaled[index] as { grant: number }).grant += 1;
    rest -= 1;
  }
  return scaled;
}
