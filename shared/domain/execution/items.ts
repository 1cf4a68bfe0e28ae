import type { ProblemCode } from '#shared/domain/problem-codes.ts';
/**
 * The items whose counters postings move, as the pure rules see them. A target names one item;
 * `targetKey` is its identity inside a batch (the repository maps it to DynamoDB keys).
 *
 * - line: a budget line's control item (budget-control-keys.ts), counters moved by execution
 * - cash: a fund's monthly cash allocation (paid ≤ allocated; claimed ≤ allocated)
 * - doc: a document created by a posting (commitment, resolution, order, assessment, receipt)
 * - program: a closed year's 정책사업 in one 회계, with the 불용액 its year-end closing recorded and
 *   what 과년도 지출 has taken from it since (지방회계법 제37조: the cap is per 정책사업)
 * - collector: one 징수관's receivables on one revenue line of one year (the 미수납액 carried forward per
 *   징수관, collector-receivables.ts)
 */
export type Target =
  | { readonly type: 'line'; readonly gov: string; readonly year: number; readonly lineId: string }
  | { readonly type: 'cash'; readonly gov: string; readonly year: number; readonly fund: string; readonly month: string }
  | { readonly type: 'doc'; readonly gov: string; readonly docId: string }
  | { readonly type: 'program'; readonly gov: string; readonly year: number; readonly fund: string; readonly program: string }
  | { readonly type: 'collector'; readonly gov: string; readonly year: number; readonly lineId: string; readonly collector: string };

export type DocKind = 'commitment' | 'resolution' | 'order' | 'assessment' | 'receipt' | 'custody';
export type ItemKind = 'line' | 'cash' | 'program' | 'collector' | DocKind;

export interface ControlledItem {
  readonly target: Target;
  readonly kind: ItemKind;
  /** Descriptive attributes that postings never change (line kind, fund, parent document, creator …). */
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly counters: Readonly<Record<string, number>>;
}

export function targetKey(target: Target): string {
  switch (target.type) {
    case 'line':
      return `LINE|${target.gov}|${target.year}|${target.lineId}`;
    case 'cash':
      return `CASH|${target.gov}|${target.year}|${target.fund}|${target.month}`;
    case 'doc':
      return `DOC|${target.gov}|${target.docId}`;
    case 'program':
      return `PROGRAM|${target.gov}|${target.year}|${target.fund}|${target.program}`;
    case 'collector':
      return `COLLECTOR|${target.gov}|${target.year}|${target.lineId}|${target.collector}`;
  }
}

export const lineTarget = (gov: string, year: number, lineId: string): Target => ({ type: 'line', gov, year, lineId });
export const cashTarget = (gov: string, year: number, fund: string, month: string): Target => ({ type: 'cash', gov, year, fund, month });
export const docTarget = (gov: string, docId: string): Target => ({ type: 'doc', gov, docId });
export const programTarget = (gov: string, year: number, fund: string, program: string): Target => ({
  type: 'program',
  gov,
  year,
  fund,
  program,
});
export const collectorTarget = (gov: string, year: number, lineId: string, collector: string): Target => ({
  type: 'collector',
  gov,
  year,
  lineId,
  collector,
});

/** Counters each item kind carries (all integer won, except the `cancelled` and `notices` counts). */
export const countersOf: Readonly<Record<ItemKind, readonly string[]>> = {
  // writtenOff: 불납결손; paidLater: 과년도 지출 charged later against this (closed) year's line;
  // carriedOver: the line's recorded 이월 (issue #15); returned: 반납 to the line (#16).
  line: [
    'allotted',
    'committed',
    'resolved',
    'ordered',
    'paid',
    'assessed',
    'received',
    'refunded',
    'writtenOff',
    'paidLater',
    'carriedOver',
    'returned',
  ],
  // claimed: what the month's cash is spoken for — paid in the month, plus payment orders given in
  // it that the bank has not paid yet (지방회계법 시행령 제33조제2호: the 지출원 orders within the 지출한도액).
  cash: ['allocated', 'paid', 'claimed'],
  // unspent: the 정책사업's 불용액 of its year (예산현액 − 지출액 − 이월액 over its lines), written once by the
  // year-end closing; paidLater: what 과년도 지출 (not a 보충적 경비) has charged against it since.
  program: ['unspent', 'paidLater'],
  // The year's 징수결정액, 수납액 and 불납결손액 of one 징수관 on one line (미수납액 = assessed − received −
  // writtenOff, as the 세입결산 counts it), then what 과년도 수입 and 불납결손 of later years settled of it.
  collector: ['assessed', 'received', 'writtenOff', 'receivedLater', 'writtenOffLater'],
  commitment: ['amount', 'resolved', 'paid', 'cancelled', 'paidLater', 'reduced'],
  resolution: ['amount', 'ordered'],
  // settled, cleared: an advance's 정산 and what left its 선급금 (settled + returned), rules/settle.ts
  order: ['amount', 'paid', 'returned', 'settled', 'cleared'],
  assessment: ['amount', 'received', 'notices', 'writtenOff', 'suspended'],
  receipt: ['amount', 'overpaid', 'refunded'],
  // 세입세출외현금: held in, paid out (remitted, returned or forfeited), of which forfeited to 세입
  custody: ['deposited', 'released', 'forfeited'],
};

/** An upper bound: `lesser ≤ greater` (another counter) or `lesser ≤ constant`. */
export interface Invariant {
  readonly rule: ProblemCode;
  readonly lesser: string;
  readonly greater: string | number;
}

/**
 * The budget-control rules (domain.md, "Rules the software must never break") and the document
 * rules that keep each chain consistent. Every counter is also never negative.
 */
const RULES: Readonly<Record<ItemKind, readonly Invariant[]>> = {
  line: [
    // 지방회계법 「지출원인행위」: a commitment only within the allotted (배정된) budget.
    { rule: 'committed-within-allotment', lesser: 'committed', greater: 'allotted' },
    // 지방회계법 「지출의 절차」: each step of a 지출 rests on the one before (resolution on a commitment,
    // 지급명령 on a resolution, payment on a 지급명령); the line totals follow the documents.
    { rule: 'resolved-within-committed', lesser: 'resolved', greater: 'committed' },
    { rule: 'ordered-within-resolved', lesser: 'ordered', greater: 'resolved' },
    { rule: 'paid-within-ordered', lesser: 'paid', greater: 'ordered' },
    // 지방회계법 「과오납금의 반환」: what is refunded was received first.
    { rule: 'refunded-within-received', lesser: 'refunded', greater: 'received' },
  ],
  // Practice (자금배정, 지방자치단체 회계관리에 관한 훈령): cash is paid only within the month's allocation.
  cash: [
    { rule: 'paid-within-cash-allocation', lesser: 'paid', greater: 'allocated' },
    // 지방회계법 시행령 제33조제2호, 제32조: a 지급명령 only within the 지출한도액 — the month's cash less
    // what is paid and what earlier orders still wait for. In the write condition, so two orders
    // judged on the same reading cannot both take the last won.
    { rule: 'order-within-cash-limit', lesser: 'claimed', greater: 'allocated' },
  ],
  // 지방회계법 제37조: 과년도 지출 "그 경비가 속한 회계연도의 각 정책사업의 금액 중 불용금액을 초과할 수 없다".
  // In the write condition, so two 과년도 지출 judged on the same reading cannot both take the last won.
  program: [{ rule: 'prior-year-exceeds-unspent', lesser: 'paidLater', greater: 'unspent' }],
  // Totals only: the assessment documents hold the bounds (수납 and 불납결손 within what is outstanding).
  collector: [],
  // Practice: each document bounds the documents and payments made against it.
  commitment: [
    { rule: 'resolution-within-commitment', lesser: 'resolved', greater: 'amount' },
    { rule: 'commitment-already-cancelled', lesser: 'cancelled', greater: 1 },
  ],
  resolution: [{ rule: 'order-within-resolution', lesser: 'ordered', greater: 'amount' }],
  order: [
    { rule: 'payment-within-order', lesser: 'paid', greater: 'amount' },
    // 지방회계법 제27조 (반납): what comes back was paid first, never more.
    { rule: 'return-within-paid', lesser: 'returned', greater: 'paid' },
    // 회계령 제43조제2항, 제45조: an advance is settled (정산) or returned (반납) only up to what the bank paid on it.
    { rule: 'settlement-within-advance', lesser: 'cleared', greater: 'paid' },
  ],
  // 징수정지 (지방재정법 시행령 제119조 [U]) is a state: once until it is lifted.
  assessment: [{ rule: 'collection-already-suspended', lesser: 'suspended', greater: 1 }],
  receipt: [{ rule: 'refund-within-receipt', lesser: 'refunded', greater: 'amount' }],
  // 세입세출외현금 (지방재정법 시행령 제40조): nothing leaves a record but what it holds.
  custody: [{ rule: 'release-within-deposit', lesser: 'released', greater: 'deposited' }],
};

/**
 * The bound of every counter (practice): 2^53 − 1 won, the largest integer that JSON, JavaScript
 * and the SDKs carry exactly. A single amount is at most 10^15 won (`MAX_POSTING_AMOUNT` in
 * shared/schemas/execution.ts), so a counter within the bound plus one posting never wraps an
 * exact comparison; a counter that would pass the bound is refused (`counter-within-bound`) instead
 * of being written and then failing every later reading.
 */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

/** The rules of each kind, then the bound of each of its counters (the specific rule is the better reason). */
export const invariantsOf: Readonly<Record<ItemKind, readonly Invariant[]>> = Object.fromEntries(
  Object.entries(RULES).map(([kind, rules]) => [
    kind,
    [
      ...rules,
      ...countersOf[kind as ItemKind].map((name): Invariant => ({ rule: 'counter-within-bound', lesser: name, greater: MAX_COUNTER })),
    ],
  ]),
) as unknown as Record<ItemKind, readonly Invariant[]>;
