import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * 개산급 (지방회계법 §35; 회계령 §45): the costs that may be paid as an estimate and settled afterwards.
 * 제6호 (그 밖에 행정안전부장관이 정하는 경비) is in the 훈령, not read [U]: it is accepted by number.
 */
export const estimateCases: Readonly<Record<number, string>> = {
  1: '일상경비등',
  2: '소송비용',
  3: '관서에 지급하는 경비',
  4: '부담금·교부금 및 보조금',
  5: '재해 구호 및 복구에 드는 경비',
  6: '그 밖에 행정안전부장관이 정하는 경비',
};

export interface EstimatedPayment {
  readonly gov: string;
  readonly year: number;
  readonly estimateId: string;
  readonly case: number;
  readonly payee: string;
  readonly purpose: string;
  readonly amount: number;
  readonly paidOn: string;
  /** The 지급명령 that paid the estimate, once known. */
  readonly orderRef?: string | undefined;
  readonly settlement?: Settlement | undefined;
  readonly revision: number;
}

/**
 * The 정산 of an estimate: the actual cost fixed, and the difference either paid to the payee
 * (`pay`, by a further payment order) or returned by the payee (`return`, a 반납 of the same line).
 * The settlement deadline is in the 훈령 [U].
 */
export interface Settlement {
  readonly settledOn: string;
  readonly actual: number;
  readonly difference: { readonly kind: 'pay' | 'return' | 'none'; readonly amount: number };
}

export function estimateRefusal(estimate: Pick<EstimatedPayment, 'case'>): Refusal | undefined {
  if (estimateCases[estimate.case] !== undefined) return undefined;
  return refusal('unprocessable', 'estimate-case-not-listed', `개산급 case ${estimate.case} is not one of 회계령 §45 1–6`, {
    rule: '개산급 only for the costs listed in 회계령 §45',
    case: estimate.case,
  });
}

/** Settles once: the difference between the actual cost and the estimate paid, paid or returned. */
export function settle(
  estimate: EstimatedPayment,
  settledOn: string,
  actual: number,
): { readonly settlement: Settlement } | { readonly refusal: Refusal } {
  if (estimate.settlement) {
    return {
      refusal: refusal('conflict', 'estimate-settled', `개산급 ${estimate.estimateId} was settled on ${estimate.settlement.settledOn}`, {
        settledOn: estimate.settlement.settledOn,
      }),
    };
  }
  const gap = actual - estimate.amount;
  const difference =
    gap > 0
      ? { kind: 'pay' as const, amount: gap }
      : gap < 0
        ? { kind: 'return' as const, amount: -gap }
        : { kind: 'none' as const, amount: 0 };
  return { settlement: { settledOn, actual, difference } };
}

/**
 * What a 개산급 record lets the postings settle of its order (the 정산 of 선급금, rules/settle.ts): nothing until the
 * record's own 정산 fixes the actual cost, then that cost up to the estimate paid — a difference to pay goes by a
 * further payment order, not by settling more of the advance (practice: the record is the source of the 정산).
 */
export const settleableOf = (estimate: Pick<EstimatedPayment, 'amount' | 'settlement'>): number =>
  estimate.settlement === undefined ? 0 : Math.min(estimate.settlement.actual, estimate.amount);
