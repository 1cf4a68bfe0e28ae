import * as z from 'zod';
import { expenditureAttributionCategories, revenueAttributionCategories } from '#shared/domain/fiscal-calendar/attribution.ts';
import { cashClosingExceptionCodes } from '#shared/domain/fiscal-calendar/exceptions.ts';
import { collectionSuspensionGroundKeys, writeOffGroundKeys } from '#shared/domain/execution/year-two/collection-grounds.ts';
import { supplementaryExpenseKeys } from '#shared/domain/execution/year-two/supplementary-expenses.ts';
import { refundInterestGroundKeys } from '#shared/domain/execution/year-two/refund-interest.ts';
import { withholdingKindCodes } from '#shared/domain/execution/withholding.ts';
import { advanceForms } from '#shared/domain/execution/posting.ts';
import { custodyPurposeCodes, guaranteeKindCodes } from '#shared/domain/execution/guarantee-deposits.ts';
import { accountCode } from '#shared/schemas/budget.ts';
import {
  fiscalYear,
  fiscalYearNumber,
  govCode,
  won,
  govYearParams,
  isoDate,
  positiveWon,
  text as sharedText,
  wonTotal,
} from '#shared/schemas/common.ts';
import { contractBasis, contractId } from '#shared/schemas/contract.ts';
import { journalEntry } from '#shared/schemas/journal.ts';

/** Ids of postings and of the documents they create (a document takes its posting's id). */
export const postingId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a posting id is 8–64 letters, digits or dashes');
export const lineId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a budget line id is 1–64 letters, digits, dots, dashes or underscores');
const text = (max: number) => sharedText({ min: 1, max });

/** A posting of year N made after its cash books closed (31 Dec) names its exception (지방회계법 제7조제1항; 회계령 제3조). */
const exceptionCode = z
  .enum(cashClosingExceptionCodes)
  .optional()
  .describe(
    'after 31 December, until 20 January: the listed exception (지방회계법 제7조제1항, 회계령 제3조) this posting of the old year falls under',
  );
const attributionDate = isoDate.optional().describe('the date that decides the fiscal year, as the category says (회계령 제2조)');
const commitmentAttribution = z
  .strictObject({ category: z.enum(expenditureAttributionCategories), date: attributionDate })
  .optional()
  .describe('회계령 제2조제2항 category; payment-order-date (제7호, 그 밖의 경비) unless given');
const assessmentAttribution = z
  .strictObject({ category: z.enum(revenueAttributionCategories), date: attributionDate })
  .optional()
  .describe('회계령 제2조제1항 category; due-date (제1호, the due date) unless given');
/**
 * The largest amount of one posting: 10^15 won (1,000조; the whole national budget is about 7 × 10^14).
 * A property of the request alone, so a larger amount is a 400 like any other field out of range;
 * what the books can still take (every counter ≤ 2^53 − 1) is the rules' 422 `counter-within-bound`.
 */
export const MAX_POSTING_AMOUNT = 1_000_000_000_000_000;
const amount = positiveWon.max(MAX_POSTING_AMOUNT, 'a posting amount is at most 10^15 won (1,000,000,000,000,000)');

export const commitmentBody = z.strictObject({
  lineId,
  amount,
  counterparty: text(200).describe('business registration number or name of the payee (personal data: never logged)'),
  contractRef: text(100),
  date: isoDate,
  attribution: commitmentAttribution,
  exceptionCode,
  contractId: contractId.optional().describe("a contract of the register: the commitment is then this year's contract amount"),
});
export const resolutionBody = z.strictObject({
  amount,
  date: isoDate,
  exceptionCode,
  advance: z
    .enum(advanceForms)
    .optional()
    .describe(
      '일상경비등 교부 (지방회계법 제34조) or 개산급 (제35조): booked to 선급금 until its 정산 (POST …/payment-orders/{orderId}/settlements)',
    ),
  pettyCash: z
    .strictObject({
      item: z.int().min(1).max(99).describe('the 호 of 회계령 §38① (1 여비 … 15 민간이전경비 등)'),
      period: z.strictObject({ from: isoDate, to: isoDate }).describe('the period the advance covers (회계령 §39①)'),
    })
    .optional()
    .describe(
      'an 일상경비등 advance: its item and period, within the 교부한도 and months of 회계령 §38②, §39① (required with advance petty-cash)',
    ),
  estimateCase: z
    .int()
    .min(1)
    .max(99)
    .optional()
    .describe('a 개산급: the 호 of 회계령 §45 it is paid under (required with advance estimate)'),
});
/** 정산 of an advance: the cost proven by the 증빙 of `date` (회계령 제43조제2항 출납계산서; 제45조 개산급). */
export const settlementBody = z.strictObject({
  amount,
  date: isoDate.describe('the 증빙 date: the cost is recognised then (회계기준규칙 제28조제2항)'),
  evidence: text(300).describe('the 증빙 (출납계산서, receipts) the settlement rests on'),
  exceptionCode,
});
/** 원천징수 on a payment order: each kind once, at most the gross (422 otherwise, rules/order-payment.ts). */
const withholdings = z
  .array(z.strictObject({ kind: z.enum(withholdingKindCodes), amount }))
  .min(1)
  .max(withholdingKindCodes.length)
  .optional()
  .describe('원천징수: amounts withheld from the gross, held as 세입세출외현금 until remitted by the 10th of the next month');
export const paymentOrderBody = z.strictObject({ amount, date: isoDate, withholdings, exceptionCode, contractBasis });
/** 세입세출외현금 paid out: what was withheld remitted, a 보증금 returned, a 하자보수보증금 paying the repair. */
export const withdrawalBody = z.strictObject({
  amount,
  date: isoDate,
  purpose: z
    .enum(custodyPurposeCodes)
    .describe('remittance (원천징수 records), return (a 보증금 to its depositor), defect-repair (a 하자보수보증금 paying the repair)'),
  exceptionCode,
});
/** A 보증금 received onto a 세입세출외현금 record (지방재정법 시행령 제40조제1항제2호). */
export const depositBody = z.strictObject({
  amount,
  date: isoDate,
  fund: accountCode.describe('the 회계 that holds the record'),
  guaranteeKind: z.enum(guaranteeKindCodes).describe('입찰보증금, 계약보증금 or 하자보수보증금'),
  depositor: text(200).describe('who deposited it: business registration number or name (personal data: never logged)'),
  contractId: contractId.optional().describe('the contract it guarantees'),
  condition: text(500).describe('the condition for its return or forfeiture'),
  exceptionCode,
});
/** 귀속: a 보증금 forfeited into 세입 on a revenue line of the posting's year. */
export const forfeitureBody = z.strictObject({
  amount,
  date: isoDate,
  revenueLineId: lineId.describe('the revenue line of this year the forfeited amount is received on'),
  ground: text(500).describe('why it is forfeited (지방계약법 제12조, 제15조, 제21조)'),
  exceptionCode,
});
export const paymentBody = z.strictObject({ date: isoDate, bankReference: text(100).optional(), exceptionCode });
export const returnBody = z.strictObject({
  amount,
  date: isoDate,
  reason: text(500),
  revenueLineId: lineId
    .optional()
    .describe("a return of a closed fiscal year's payment: the revenue line of this year it is received on (지방회계법 제27조제1항)"),
  exceptionCode,
});
export const cancellationBody = z.strictObject({ date: isoDate, reason: text(500) });
/** 지출원인행위 감액: the part of the commitment released (≤ amount − resolved, 422 otherwise). */
export const reductionBody = z.strictObject({ amount, date: isoDate, reason: text(500) });
export const correctionBody = z.strictObject({ date: isoDate, reason: text(500) });
export const assessmentBody = z.strictObject({
  lineId,
  amount,
  payer: text(200).describe('the payer (personal data: never logged)'),
  dueDate: isoDate,
  date: isoDate,
  attribution: assessmentAttribution,
  exceptionCode,
});
export const noticeBody = z.strictObject({ dueDate: isoDate, date: isoDate, exceptionCode });
export const receiptBody = z.strictObject({ amount, date: isoDate, exceptionCode });
/**
 * 과오납 환급 (지방회계법 제28조): `lineId` names this year's revenue line a closed year's receipt is
 * refunded from (제28조제1항: 반환할 회계연도의 수입금 중에서); `interest` the ground and date of its
 * interest (제28조제2항; 시행령 제31조; for 지방세 지방세기본법 제62조): the rate is never the request's.
 */
export const refundBody = z.strictObject({
  amount,
  date: isoDate,
  reason: text(500),
  lineId: lineId.optional().describe("for a receipt of a closed year: this year's revenue line it is refunded from"),
  interest: z
    .strictObject({
      ground: z
        .enum(refundInterestGroundKeys)
        .describe(
          '지방회계법 시행령 제31조 제1호–제4호, or for 지방세 지방세기본법 시행령 제43조제1항 제1호–제6호: what fixes the date interest runs from',
        ),
      from: isoDate.describe('the date that ground names (payment, effective date, decision, filing); interest runs from the day after'),
      appealFinalOn: isoDate
        .optional()
        .describe(
          '지방세 only: the day the appeal decision or judgment became final (지방세기본법 시행령 제43조제2항 단서: 1.5 times the rate from 40 days after)',
        ),
    })
    .optional()
    .describe(
      "the interest the refund carries (지방회계법 제28조제2항; 지방세기본법 제62조); the rate is the dated 국세기본법 시행규칙 제19조의3 table, never the request's; required for a closed year's receipt",
    ),
  exceptionCode,
});
/** 과년도 수입 (지방회계법 제27조①): `lineId` is this year's revenue line (the 과년도 수입 과목). */
export const priorYearReceiptBody = z.strictObject({
  lineId: lineId.describe("this year's revenue line that takes the closed year's receipt"),
  amount,
  date: isoDate,
  exceptionCode,
});
/** 과년도 지출 (지방회계법 제37조): `lineId` is this year's line of the same 통계목. */
export const priorYearCommitmentBody = z.strictObject({
  lineId: lineId.describe("this year's expenditure line of the same purpose"),
  amount,
  date: isoDate,
  supplementaryExpense: z
    .enum(supplementaryExpenseKeys)
    .optional()
    .describe('the 보충적 경비 of 지방회계법 시행령 제47조 this is (no 불용액 cap); stored and audited'),
  exceptionCode,
});
/** 불납결손 (write-off) with its legal ground. */
export const writeOffBody = z.strictObject({
  amount,
  ground: z.enum(writeOffGroundKeys).describe('the legal ground (소멸시효, 청산종결, …)'),
  allowanceUsed: won
    .max(MAX_POSTING_AMOUNT)
    .optional()
    .describe('the part covered by the 대손충당금 (the rest is 대손상각비); 0 unless given'),
  lineId: lineId.optional().describe("for a receivable of a closed year: this year's revenue line that brings it forward"),
  date: isoDate,
  exceptionCode,
});
/** 징수정지 with its ground. */
export const collectionSuspensionBody = z.strictObject({
  ground: z.enum(collectionSuspensionGroundKeys),
  date: isoDate,
  exceptionCode,
});

export const commitmentParams = govYearParams.extend({ commitmentId: postingId });
export const resolutionParams = govYearParams.extend({ resolutionId: postingId });
export const orderParams = govYearParams.extend({ orderId: postingId });
export const postingParams = govYearParams.extend({ postingId });
export const assessmentParams = govYearParams.extend({ assessmentId: postingId });
export const receiptParams = govYearParams.extend({ receiptId: postingId });
export const custodyParams = govYearParams.extend({
  custodyId: postingId.describe('a 세입세출외현금 record (WH-yyyy-mm-kind for withholdings; the desk names a 보증금 record)'),
});
export const postingStatusParams = z.strictObject({ gov: govCode, postingId });

export const postingStatus = z.object({
  postingId,
  gov: z.string(),
  year: z.number().int(),
  kind: z.string(),
  status: z.enum(['queued', 'applied', 'rejected']),
  acceptedAt: z.string(),
  decidedAt: z.string().optional(),
  amount: z.number().int().optional(),
  reason: z.object({ rule: z.string(), detail: z.string(), context: z.record(z.string(), z.unknown()) }).optional(),
  journal: journalEntry.optional(),
  reverses: z.string().optional(),
  reversedBy: z.string().optional(),
});

/**
 * The answer of a posting route: `queued` when accepted; on a retry with the same Idempotency-Key,
 * the posting as it stands (applied with its journal, rejected with the consumer's reason).
 */
export const postingAccepted = postingStatus.partial().extend({
  postingId,
  status: postingStatus.shape.status,
  statusUrl: z.string().describe('GET this for queued / applied / rejected'),
});

const cashFigures = {
  inflow: wonTotal,
  outflow: wonTotal,
  cash: wonTotal.describe('all cash of the fund: budgetCash + custodyCash'),
  budgetCash: wonTotal.describe('세입·세출 cash: what the budget may spend'),
  custodyCash: wonTotal.describe('세입세출외현금 held for others (withholdings not yet remitted, guarantees)'),
};
const fundCash = z.object({ fund: z.string(), ...cashFigures });

export const governmentFundStatus = z.object({
  gov: z.string(),
  year: z.number().int(),
  funds: z.array(fundCash),
  total: z.object(cashFigures),
  updatedAt: z.string().nullable(),
});

export const nationalFundStatus = z.object({
  year: z.number().int(),
  governments: z.number().int().describe('governments with any cash movement this year'),
  funds: z.array(fundCash),
  total: z.object(cashFigures),
});

export const yearParams = z.strictObject({ year: fiscalYear });

/** The Idempotency-Key header every posting route requires. */
export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  required: true,
  description: 'client-chosen key (1–128 printable characters); a retry with the same key and body returns the same posting id',
} as const;
export const idempotencyKeyValue = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'an Idempotency-Key is 1–128 printable ASCII characters');

/** A message on the postings queue, as the consumer checks it before applying. */
export const postingMessage = z.strictObject({
  postingId,
  gov: govCode,
  year: fiscalYearNumber,
  lineId,
  command: z.discriminatedUnion('kind', [
    commitmentBody.extend({ kind: z.literal('commit') }),
    resolutionBody.extend({ kind: z.literal('resolve'), commitmentId: postingId }),
    paymentOrderBody.extend({ kind: z.literal('order'), resolutionId: postingId }),
    paymentBody.extend({ kind: z.literal('pay'), orderId: postingId }),
    returnBody.extend({ kind: z.literal('return'), orderId: postingId }),
    settlementBody.extend({ kind: z.literal('settle'), orderId: postingId }),
    withdrawalBody.extend({ kind: z.literal('withdraw'), custodyId: postingId }),
    depositBody.extend({ kind: z.literal('deposit'), custodyId: postingId }),
    forfeitureBody.extend({ kind: z.literal('forfeit'), custodyId: postingId }),
    cancellationBody.extend({ kind: z.literal('cancel'), commitmentId: postingId }),
    reductionBody.extend({ kind: z.literal('reduce'), commitmentId: postingId }),
    correctionBody.extend({ kind: z.literal('correct'), originalPostingId: postingId }),
    assessmentBody.extend({ kind: z.literal('assess') }),
    noticeBody.extend({ kind: z.literal('notice'), assessmentId: postingId }),
    receiptBody.extend({ kind: z.literal('receive'), assessmentId: postingId }),
    refundBody.extend({ kind: z.literal('refund'), receiptId: postingId }),
    priorYearReceiptBody.extend({ kind: z.literal('prior-year-receive'), assessmentId: postingId }),
    priorYearCommitmentBody.extend({ kind: z.literal('prior-year-commit'), commitmentId: postingId }),
    writeOffBody.extend({ kind: z.literal('write-off'), assessmentId: postingId }),
    collectionSuspensionBody.extend({ kind: z.literal('suspend-collection'), assessmentId: postingId }),
  ]),
  actor: z.strictObject({
    sub: z.string(),
    role: z.string(),
    requestId: z.string(),
    sourceIp: z.string(),
    bodySha256: z.string(),
    receivedAt: z.string(),
  }),
  pendingOn: z.array(lineId).optional(),
  advanceRecord: z.strictObject({ advanceId: z.string(), spent: z.number().int().min(0) }).optional(),
});

/** The document ledger (지출부/수입부, issue #14): one dimension, a period, cursor paging. */
export const ledgerQuery = z.strictObject({
  by: z.enum(['line', 'department', 'counterparty', 'book']),
  id: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a line id, a department code, a counterparty identifier or a book (expenditure | revenue)')
    .describe(
      'by=line: the line id; department: the department code; counterparty: the 10-digit 사업자등록번호 or the `party` of a ledger line; book: expenditure (지출부) or revenue (수입부)',
    ),
  from: isoDate.optional().describe('first posting date, inclusive'),
  to: isoDate.optional().describe('last posting date, inclusive'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('lines per page (default 50)'),
  cursor: z.string().max(200).optional(),
});
const ledgerLine = z.object({
  postingId,
  kind: z.string(),
  date: z.string(),
  amount: z.number().int(),
  book: z.enum(['expenditure', 'revenue']),
  lineId: z.string(),
  dept: z.string(),
  party: z.string().optional().describe('사업자등록번호, or a pseudonym (p-…) for anyone else: never a name or resident number'),
  reverses: z.string().optional(),
  reversedKind: z.string().optional().describe('the kind of the posting this correction reverses'),
});
/** Document-ledger backfill (issue #14): how much of the audit trail one call reads, and where it stands. */
export const ledgerBackfillBody = z.strictObject({
  pages: z.number().int().min(1).max(1000).optional().describe('audit pages to read in this call; 20 unless given'),
  pageSize: z.number().int().min(1).max(1000).optional().describe('audit records per page; 100 unless given'),
});
export const ledgerBackfillProgress = z.object({
  gov: z.string(),
  year: z.number().int(),
  done: z.boolean().describe('every audit month of the fiscal year (January to the next February) has been read'),
  month: z.string().nullable().describe('the audit month the next call reads (yyyy-mm); null when done'),
  indexed: z.number().int().describe('postings indexed over every call so far'),
  indexedNow: z.number().int().describe('postings indexed by this call'),
});
export const ledgerPage = z.object({
  gov: z.string(),
  year: z.number().int(),
  by: z.string(),
  id: z.string(),
  lines: z.array(ledgerLine),
  page: z.object({
    count: z.number().int(),
    totals: z.record(z.string(), wonTotal).describe('per posting kind, exact, corrections netted against the kind they reverse'),
  }),
  cursor: z.string().optional().describe('pass back for the next page; absent on the last page'),
});

/** The 기금's figures beside the 세입세출예산's (지방재정법 §34③), only where a government keeps a 기금. */
const fundApart = {
  fundBudget: wonTotal.optional().describe('세출 예산현액 of the 기금, outside the 세입세출예산 (only where a 기금 is kept)'),
  fundPaid: wonTotal.optional().describe('지출액 of the 기금'),
  fundExecutionRate: z.string().optional().describe('fundPaid ÷ fundBudget in percent, 2 decimals'),
};

/** The nationwide execution rate per government (issue #14): exact sums as decimal strings. */
export const nationalExecutionRate = z.object({
  year: z.number().int(),
  denominator: z.string().describe('what the rate divides by: the 세출 예산현액 and its components'),
  governments: z.number().int().describe('governments with a final budget or a payment this year (≤ 243)'),
  budget: wonTotal.describe('세출 예산현액 of the governments, summed (세입세출예산: the 기금 apart)'),
  paid: wonTotal.describe('지출액, summed (세입세출예산: the 기금 apart)'),
  executionRate: z.string().describe('paid ÷ budget in percent, 2 decimals'),
  ...fundApart,
  items: z.array(
    z.object({
      gov: z.string(),
      budget: wonTotal.describe('세출 예산현액 of the 세입세출예산 (the 기금 apart, 지방재정법 §34③)'),
      budgetBasis: z
        .enum(['예산현액', '예산액'])
        .describe(
          '예산현액; 예산액 (of the last final version, all 회계 together) only where the budget was last synced before the running 예산현액 existed',
        ),
      paid: wonTotal.describe('지출액 of the 세입세출예산'),
      executionRate: z.string(),
      ...fundApart,
    }),
  ),
});
