import type { RefundInterestTerms } from '#shared/domain/execution/year-two/refund-interest.ts';
import type { Role } from '#shared/auth/roles.ts';
import type { Attribution } from '#shared/domain/fiscal-calendar/attribution.ts';
import type { CustodyPurpose, GuaranteeKind } from '#shared/domain/execution/guarantee-deposits.ts';
import type { Withholding } from '#shared/domain/execution/withholding.ts';

/** The payment forms paid before the cost is proven: 일상경비등 (지방회계법 제34조) and 개산급 (제35조). */
export const advanceForms = ['petty-cash', 'estimate'] as const;
export type AdvanceForm = (typeof advanceForms)[number];

/** An 일상경비등 advance's 회계령 §38① item (호) and the period it covers (§39①). */
export interface PettyCashTerms {
  readonly item: number;
  readonly period: { readonly from: string; readonly to: string };
}

/**
 * The postings of execution (지출 and 세입). Each is accepted by the API, queued on the FIFO
 * postings queue and applied exactly once by the consumer. A document created by a posting
 * (a commitment, a resolution, a payment order, an assessment, a receipt) takes the posting's id.
 */
/**
 * `exceptionCode` names the listed exception (fiscal-calendar/exceptions.ts) under which a posting of
 * year N is made after its cash books closed on 31 December; `attribution` is the 회계령 제2조
 * category (and its date) that puts a 징수결정 or 지출원인행위 in its fiscal year.
 */
type YearEnd = { readonly exceptionCode?: string | undefined };

export type PostingCommand =
  | ({
      readonly kind: 'commit';
      readonly lineId: string;
      readonly amount: number;
      readonly counterparty: string;
      readonly contractRef: string;
      readonly date: string;
      readonly attribution?: Attribution | undefined;
      /** A contract of the register (its rules: the contract context, through submit-posting's ContractBasis port). */
      readonly contractId?: string | undefined;
    } & YearEnd)
  | ({
      readonly kind: 'resolve';
      readonly commitmentId: string;
      readonly amount: number;
      readonly date: string;
      /** 일상경비등 교부 or 개산급: paid ahead of the 증빙, booked to 선급금 until settled (rules/advance-journal.ts). */
      readonly advance?: AdvanceForm | undefined;
      /** The terms the law bounds an advance by (rules/advance-terms.ts): the 회계령 §38① item and period, or the §45 case. */
      readonly pettyCash?: PettyCashTerms | undefined;
      readonly estimateCase?: number | undefined;
    } & YearEnd)
  | ({
      readonly kind: 'order';
      readonly resolutionId: string;
      readonly amount: number;
      readonly date: string;
      /** 원천징수: withheld from the gross amount and held as 세입세출외현금 when the bank pays. */
      readonly withholdings?: readonly Withholding[] | undefined;
      /** On a contract: the 선금 claim or inspection (검사) it pays. */
      readonly contractBasis?:
        | { readonly contractId: string; readonly advanceId: string }
        | { readonly contractId: string; readonly inspectionId: string }
        | undefined;
    } & YearEnd)
  | ({ readonly kind: 'pay'; readonly orderId: string; readonly date: string; readonly bankReference?: string } & YearEnd)
  | ({
      readonly kind: 'return';
      readonly orderId: string;
      readonly amount: number;
      readonly date: string;
      readonly reason: string;
      /** A return of a closed year's payment is current-year revenue: the revenue line it is received on. */
      readonly revenueLineId?: string | undefined;
    } & YearEnd)
  | ({
      readonly kind: 'withdraw';
      readonly custodyId: string;
      readonly amount: number;
      readonly date: string;
      readonly purpose: CustodyPurpose;
    } & YearEnd)
  /** A 보증금 received by the treasury bank onto a 세입세출외현금 record (rules/deposit.ts). */
  | ({
      readonly kind: 'deposit';
      readonly custodyId: string;
      readonly amount: number;
      readonly date: string;
      readonly fund: string;
      readonly guaranteeKind: GuaranteeKind;
      readonly depositor: string;
      readonly contractId?: string | undefined;
      readonly condition: string;
    } & YearEnd)
  /** A forfeited 보증금 taken into 세입 on `revenueLineId` (귀속, rules/forfeit.ts). */
  | ({
      readonly kind: 'forfeit';
      readonly custodyId: string;
      readonly amount: number;
      readonly date: string;
      readonly revenueLineId: string;
      readonly ground: string;
    } & YearEnd)
  /** 정산 of an advance paid on `orderId`: the cost proven at the 증빙 date leaves 선급금 (rules/settle.ts). */
  | ({
      readonly kind: 'settle';
      readonly orderId: string;
      readonly amount: number;
      readonly date: string;
      readonly evidence: string;
    } & YearEnd)
  | { readonly kind: 'cancel'; readonly commitmentId: string; readonly date: string; readonly reason: string }
  /** 지출원인행위 감액: the unresolved part of a commitment released, payments or not (rules/reduce.ts). */
  | { readonly kind: 'reduce'; readonly commitmentId: string; readonly amount: number; readonly date: string; readonly reason: string }
  | { readonly kind: 'correct'; readonly originalPostingId: string; readonly date: string; readonly reason: string }
  | ({
      readonly kind: 'assess';
      readonly lineId: string;
      readonly amount: number;
      readonly payer: string;
      readonly dueDate: string;
      readonly date: string;
      readonly attribution?: Attribution | undefined;
    } & YearEnd)
  | ({ readonly kind: 'notice'; readonly assessmentId: string; readonly dueDate: string; readonly date: string } & YearEnd)
  | ({ readonly kind: 'receive'; readonly assessmentId: string; readonly amount: number; readonly date: string } & YearEnd)
  | ({
      readonly kind: 'refund';
      readonly receiptId: string;
      readonly amount: number;
      readonly date: string;
      readonly reason: string;
      /** A closed year's receipt: this year's revenue line it is refunded from (지방회계법 제28조제1항). */
      readonly lineId?: string | undefined;
      readonly interest?: RefundInterestTerms | undefined;
    } & YearEnd)
  // The year after (issue #15): a closed year's receivables and payables, written off or suspended.
  | ({
      readonly kind: 'prior-year-receive';
      readonly assessmentId: string;
      readonly lineId: string;
      readonly amount: number;
      readonly date: string;
    } & YearEnd)
  | ({
      readonly kind: 'prior-year-commit';
      readonly commitmentId: string;
      readonly lineId: string;
      readonly amount: number;
      readonly date: string;
      readonly supplementaryExpense?: string | undefined;
    } & YearEnd)
  | ({
      readonly kind: 'write-off';
      readonly assessmentId: string;
      readonly amount: number;
      readonly ground: string;
      readonly allowanceUsed?: number | undefined;
      readonly lineId?: string | undefined;
      readonly date: string;
    } & YearEnd)
  | ({ readonly kind: 'suspend-collection'; readonly assessmentId: string; readonly ground: string; readonly date: string } & YearEnd);

export type PostingKind = PostingCommand['kind'];

/**
 * Who asked for the posting: stored on the request (the acceptance's audit record) and carried on the
 * message, so the consumer's decision is recorded in the same names (its RESULT, or a rejection's audit item).
 */
export interface Actor {
  readonly sub: string;
  readonly role: Role | 'system';
  readonly requestId: string;
  readonly sourceIp: string;
  readonly bodySha256: string;
  readonly receivedAt: string;
}

/** The message on the postings queue (and the REQUEST item stored when it is accepted). */
export interface PostingMessage {
  readonly postingId: string;
  readonly gov: string;
  readonly year: number;
  /** The budget line the posting lands on, resolved by the API: the FIFO message group. */
  readonly lineId: string;
  readonly command: PostingCommand;
  readonly actor: Actor;
  /**
   * The 성립전 lines (지방재정법 §45) the acceptance counted this posting as pending on: the consumer
   * takes it off their count once it decides the posting, and until then their reversal is refused.
   */
  readonly pendingOn?: readonly string[];
  /**
   * An advance's 정산 on an order a petty-cash or 개산급 record names: the record and what it showed spent (a
   * 개산급: settled at its actual cost) when the posting was accepted. The settle rule holds the order's settled
   * plus this amount within it when it applies, so settlements still queued are counted one after another.
   */
  readonly advanceRecord?: AdvanceRecordLimit;
}

/** A record's limit on the 정산 of its order (advance-posting.ts settlementAgainstRecord). */
export interface AdvanceRecordLimit {
  readonly advanceId: string;
  readonly spent: number;
}

/** The document a posting refers to, by kind. */
export function referencedDocument(command: PostingCommand): string | undefined {
  switch (command.kind) {
    case 'resolve':
    case 'cancel':
    case 'reduce':
    case 'prior-year-commit':
      return command.commitmentId;
    case 'order':
      return command.resolutionId;
    case 'pay':
    case 'return':
    case 'settle':
      return command.orderId;
    case 'notice':
    case 'receive':
    case 'prior-year-receive':
    case 'write-off':
    case 'suspend-collection':
      return command.assessmentId;
    case 'refund':
      return command.receiptId;
    default:
      return undefined;
  }
}

/** FIFO message group: one per budget line (see README.md, "Ordering"). */
export const messageGroupId = (message: Pick<PostingMessage, 'gov' | 'year' | 'lineId'>): string =>
  `${message.gov}#${message.year}#${message.lineId}`;

/** The 202 answer of every posting route. */
export const accepted = (gov: string, postingId: string) => ({
  postingId,
  status: 'queued' as const,
  statusUrl: `/governments/${gov}/postings/${postingId}`,
});
