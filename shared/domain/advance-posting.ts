import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * One model of an advance (일상경비등, 지방회계법 제34조; 개산급, 제35조): the postings book and pay it
 * (a 지출결의 with `advance`, its 지급명령, the bank's payment, then 정산 and 반납), and the petty-cash
 * and 개산급 records keep the 출납원's and the payee's side, naming the payment order (`orderRef`).
 * This shared kernel is what both sides agree on: the order as its document counts it, and the
 * posting status a record's read shows.
 */
export interface AdvanceOrder {
  readonly orderId: string;
  readonly form: 'petty-cash' | 'estimate';
  /** The 회계령 제38조제1항 item or 제45조 case the 지출결의 named. */
  readonly item?: number | undefined;
  readonly lineId: string;
  readonly amount: number;
  readonly paid: number;
  readonly settled: number;
  readonly returned: number;
  /** settled + returned of the advance (its 선급금 cleared). */
  readonly cleared: number;
}

/**
 * ordered: the bank has not paid it; outstanding: paid and not all settled or returned (선급금 still
 * held); cleared: every won paid was settled or returned.
 */
export type AdvanceStatus = 'ordered' | 'outstanding' | 'cleared';

export interface AdvancePosting extends AdvanceOrder {
  readonly unsettled: number;
  readonly status: AdvanceStatus;
}

export const advancePostingOf = (order: AdvanceOrder): AdvancePosting => {
  const unsettled = order.paid - order.cleared;
  const status: AdvanceStatus = order.paid === 0 ? 'ordered' : unsettled > 0 ? 'outstanding' : 'cleared';
  return { ...order, unsettled, status };
};

/** How a record reads the order it names (execution's documents, through shared/wiring/advance-postings.ts). */
export interface AdvancePostings {
  order(gov: string, orderId: string): Promise<AdvanceOrder | undefined>;
}

/**
 * A record names the payment order of its own advance: an order of an advance of the same form,
 * item (or case) and amount — otherwise the record and the books would tell two stories (practice).
 */
export function advanceOrderRefusal(
  found: AdvanceOrder | undefined,
  expected: { readonly orderId: string; readonly form: AdvanceOrder['form']; readonly item: number; readonly amount: number },
): Refusal | undefined {
  const same = found !== undefined && found.form === expected.form && found.item === expected.item && found.amount === expected.amount;
  if (same) return undefined;
  return refusal(
    'unprocessable',
    'advance-order-mismatch',
    found === undefined
      ? `payment order ${expected.orderId} is not an applied advance order of this government`
      : `payment order ${expected.orderId} is a ${found.form} advance of item ${found.item ?? '-'} for ${found.amount} won, not this record's`,
    {
      rule: 'practice: a record names the payment order of the same advance (form, item, amount)',
      orderId: expected.orderId,
      form: expected.form,
      item: expected.item,
      amount: expected.amount,
      ...(found === undefined ? {} : { orderForm: found.form, orderItem: found.item ?? 0, orderAmount: found.amount }),
    },
  );
}

/** How the postings read the record of an advance order (the petty-cash and 개산급 stores, through shared/wiring/advance-records.ts). */
export interface AdvanceRecords {
  /**
   * The record naming the order (its `orderRef`) with what it lets be settled: an 일상경비 record's spendings, a
   * 개산급 record's settled actual cost up to the estimate; undefined when none names it.
   */
  spentOnOrder(gov: string, orderId: string): Promise<{ readonly advanceId: string; readonly spent: number } | undefined>;
}

/**
 * The 지출원's 정산 of an advance rests on the 출납원's 출납계산서 (회계령 제43조), or on a 개산급's own 정산 (회계령
 * 제45조): once a record names the order, what the postings settle never passes what the record shows — the record
 * is the source, the settlement its booking (practice). Without a record the settlement stands on its own 증빙.
 */
export function settlementAgainstRecord(
  record: { readonly advanceId: string; readonly spent: number } | undefined,
  order: { readonly orderId: string; readonly settled: number },
  amount: number,
): Refusal | undefined {
  if (record === undefined || order.settled + amount <= record.spent) return undefined;
  return refusal(
    'unprocessable',
    'settlement-exceeds-record',
    `advance ${record.advanceId} records ${record.spent} won spent; order ${order.orderId} has ${order.settled} settled, so ${amount} more would settle what the record does not show`,
    {
      rule: '회계령 제43조 (출납계산서), 제45조 (개산급); practice: the settlement books what the record shows spent',
      orderId: order.orderId,
      advanceId: record.advanceId,
      spent: record.spent,
      settled: order.settled,
      requested: amount,
    },
  );
}
