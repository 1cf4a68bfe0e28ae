/**
 * A contract of the government (지방계약법 §14①: the contract document states 계약의 목적, 계약금액,
 * 이행기간, 계약보증금, 위험부담, 지체상금 and the other conditions), as the payment desk needs it: the
 * basis of a 지출원인행위 (지방회계법 §29) and of the payments made on it (지방계약법 §18).
 */
export type ContractMethod = 'general-bid' | 'restricted-bid' | 'designated-bid' | 'negotiated'; // 지방계약법 §9
/** 공사·제조·용역 (회계령 §44①13 선금) and the rest. */
export type ContractNature = 'works' | 'manufacturing' | 'service' | 'goods' | 'other';

/**
 * 계약유형 (지방계약법 §24 장기계속·계속비, 시행령 §79 단가계약): how much of the contract falls in each year.
 * - single: one year, the whole amount;
 * - long-term (장기계속): 차수 contracts, each within its year's budget;
 * - continuing (계속비, 지방재정법 §42): the yearly amounts (연부액);
 * - unit-price (단가계약): prices per unit; the amount is the estimated total (단가 × 예정수량).
 */
export type ContractType =
  | { readonly kind: 'single' }
  | { readonly kind: 'long-term'; readonly rounds: readonly { readonly round: number; readonly year: number; readonly amount: number }[] }
  | { readonly kind: 'continuing'; readonly years: readonly { readonly year: number; readonly amount: number }[] }
  | {
      readonly kind: 'unit-price';
      readonly unitPrices: readonly { readonly item: string; readonly unit: string; readonly price: number }[];
    };

/** 공동계약 (지방계약법 §29): the members and their shares in basis points (they add up to 10000). */
export interface JointContract {
  readonly method: 'joint' | 'split'; // 공동이행방식 / 분담이행방식
  readonly members: readonly { readonly name: string; readonly businessNumber: string; readonly shareBp: number }[];
}

export interface Counterparty {
  readonly name: string;
  /** 사업자등록번호, 10 digits. */
  readonly businessNumber: string;
  readonly representative: string;
  /** Payment by transfer to the creditor's account (회계령 §37①). */
  readonly account: { readonly bank: string; readonly number: string; readonly holder: string };
}

export interface Guarantees {
  /** 계약보증금 (지방계약법 §15). */
  readonly performance?: { readonly amount: number; readonly form: 'cash' | 'guarantee-bond' | 'securities' | 'exempt' } | undefined;
  /**
   * 하자보수보증금 (지방계약법 §21) and the 하자담보책임기간 (§20). The deposit itself is held as
   * 세입세출외현금 (재정령 §40①2): `depositRef` names it once the deposit is made.
   */
  readonly defect?: { readonly rateBp: number; readonly years: number; readonly depositRef?: string | undefined } | undefined;
}

/** 계약금액 조정 (지방계약법 §22: 물가변동, 설계변경, 그 밖의 계약내용 변경). */
export interface ContractChange {
  readonly changeId: string;
  readonly date: string;
  readonly reason: 'price-fluctuation' | 'design-change' | 'other';
  readonly amountBefore: number;
  readonly amountAfter: number;
  readonly note: string;
}

/** A 선금 claim (회계령 §44). `case` is the 호 of §44①. */
export interface AdvanceClaim {
  readonly advanceId: string;
  readonly claimedOn: string;
  readonly amount: number;
  readonly case: number;
  /** Over 70% of a 공사·제조·용역 contract: the head's decision that it is needed (회계령 §44①13 괄호). */
  readonly headDecision?: { readonly reference: string; readonly date: string } | undefined;
}

/** A 검사 (지방계약법 §17): 기성 (part) or 준공 (completion), with what it makes payable. */
export interface Inspection {
  readonly inspectionId: string;
  readonly kind: 'progress' | 'completion';
  readonly inspectedOn: string;
  readonly inspector: string;
  /** The value of the work accepted by this inspection (기성금액 or the final part). */
  readonly value: number;
  /** The part of the 선금 netted against it (선금정산). */
  readonly netted: number;
  /** What the contractor is paid for it: value − netted. */
  readonly payable: number;
}

/** A 선금 returned (반납) instead of netted; `reference` is the 반납 as the treasury bank confirmed it. */
export interface AdvanceReturn {
  readonly returnId: string;
  readonly date: string;
  readonly amount: number;
  readonly reference: string;
}

export interface Contract {
  readonly gov: string;
  readonly contractId: string;
  readonly purpose: string;
  readonly method: ContractMethod;
  readonly nature: ContractNature;
  readonly counterparty: Counterparty;
  /** 계약금액 as it stands after the changes. */
  readonly amount: number;
  readonly signedOn: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly type: ContractType;
  readonly joint?: JointContract | undefined;
  readonly guarantees: Guarantees;
  readonly changes: readonly ContractChange[];
  readonly advances: readonly AdvanceClaim[];
  readonly inspections: readonly Inspection[];
  readonly advanceReturns: readonly AdvanceReturn[];
  /** Set by the 준공 inspection: the 하자담보책임기간 runs from it (지방계약법 §20). */
  readonly completion?: { readonly completedOn: string; readonly defectUntil?: string | undefined } | undefined;
  /** The payment order accepted on each 선금 claim or inspection (document id → posting id). */
  readonly orders: Readonly<Record<string, string>>;
  /**
   * What the treasury bank has paid on each accepted order (posting id → won), read from execution's
   * order documents: a 선금 is paid out when the bank confirms it, not when its order is accepted.
   */
  readonly orderPayments?: Readonly<Record<string, number>>;
  readonly revision: number;
}

/**
 * This year's contract amount, what a 지출원인행위 on the contract commits (execution-rules §5): the
 * 차수 amounts of the year for 장기계속 (지방계약법 §24①), the year's 연부액 for 계속비, else the amount.
 */
export function yearAmount(contract: Pick<Contract, 'amount' | 'type'>, year: number): number {
  switch (contract.type.kind) {
    case 'long-term':
      return contract.type.rounds.filter((round) => round.year === year).reduce((sum, round) => sum + round.amount, 0);
    case 'continuing':
      return contract.type.years.filter((entry) => entry.year === year).reduce((sum, entry) => sum + entry.amount, 0);
    default:
      return contract.amount;
  }
}

/** The 선금 ordered: claims whose payment order was accepted (the bank may not have paid it yet). */
export const advancesOrdered = (contract: Pick<Contract, 'advances' | 'orders'>): number =>
  contract.advances.filter((claim) => contract.orders[claim.advanceId] !== undefined).reduce((sum, claim) => sum + claim.amount, 0);

/**
 * The 선금 paid out: what the treasury bank confirmed on the claims' payment orders (회계령 §44: a
 * 선금 is 지급, and 지급 is the bank's act; 지방회계법 제35조 [U]). Only this can be netted or returned.
 */
export const advancesPaid = (contract: Pick<Contract, 'advances' | 'orders' | 'orderPayments'>): number =>
  contract.advances.reduce((sum, claim) => {
    const order = contract.orders[claim.advanceId];
    return sum + (order === undefined ? 0 : Math.min(claim.amount, contract.orderPayments?.[order] ?? 0));
  }, 0);

/** The 선금 still to be netted or returned (선금 잔액): paid − netted − returned. */
export function unnettedAdvance(
  contract: Pick<Contract, 'advances' | 'orders' | 'orderPayments' | 'inspections' | 'advanceReturns'>,
): number {
  const netted = contract.inspections.reduce((sum, inspection) => sum + inspection.netted, 0);
  const returned = contract.advanceReturns.reduce((sum, entry) => sum + entry.amount, 0);
  return advancesPaid(contract) - netted - returned;
}
