import { governmentRead, governmentReaders, governmentWrite, nationalRead } from '#shared/auth/access.ts';
import type { Access } from '#shared/auth/access.ts';
import { correctionRoles, postingMakers } from '#shared/domain/execution/posting-makers.ts';
import type { MadeKind } from '#shared/domain/execution/posting-makers.ts';
import { defineRoute } from '#shared/http/route.ts';
import type { z } from 'zod';
import { unsettledAdvanceList } from '#shared/schemas/advance-posting.ts';
import { govYearParams } from '#shared/schemas/common.ts';
import {
  assessmentBody,
  assessmentParams,
  cancellationBody,
  reductionBody,
  commitmentBody,
  commitmentParams,
  correctionBody,
  custodyParams,
  depositBody,
  forfeitureBody,
  governmentFundStatus,
  idempotencyKeyHeader,
  ledgerBackfillBody,
  ledgerBackfillProgress,
  ledgerPage,
  ledgerQuery,
  nationalExecutionRate,
  nationalFundStatus,
  noticeBody,
  orderParams,
  paymentBody,
  paymentOrderBody,
  postingAccepted,
  postingParams,
  postingStatus,
  postingStatusParams,
  priorYearCommitmentBody,
  priorYearReceiptBody,
  writeOffBody,
  collectionSuspensionBody,
  receiptBody,
  receiptParams,
  refundBody,
  resolutionBody,
  resolutionParams,
  returnBody,
  settlementBody,
  withdrawalBody,
  yearParams,
} from '#shared/schemas/execution.ts';

/**
 * Execution: every fiscal operation is a posting, accepted with 202 and applied by the postings
 * consumer (see shared/domain/execution/README.md).
 */
const base = '/governments/{gov}/years/{year}';
const POSTING_BODY_LIMIT = 8 * 1024;

/** Who may make a posting of the kind: the one table (posting-makers.ts) that corrections are judged by too. */
const makers = (kind: MadeKind): Access => governmentWrite(...postingMakers[kind].roles);

/** What every posting route answers, first time and on a retry with the same Idempotency-Key. */
const postingAnswers =
  'Answers 202 with status `queued` and the statusUrl when the posting is accepted. A retry with the same ' +
  'Idempotency-Key and body answers 202 with the posting as it stands (the body of GET statusUrl plus statusUrl): ' +
  '`queued` while it waits (it is enqueued again), `applied` with its journal once applied, `rejected` with the ' +
  "consumer's `reason` (rule, detail and numbers) once rejected: the retry of an accepted request is never refused " +
  'for its outcome, a client reads the outcome from `status`. The same key with another body: 422 idempotency-key-reused.';

const posting = <P extends z.ZodType, B extends z.ZodType>(route: {
  id: string;
  path: string;
  handler: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  params: P;
  body: B;
}) =>
  defineRoute({
    method: 'POST',
    ...route,
    description: route.description ? `${route.description}\n\n${postingAnswers}` : postingAnswers,
    response: postingAccepted,
    status: 202,
    maxBodyBytes: POSTING_BODY_LIMIT,
    headers: [idempotencyKeyHeader],
  });

const expenditure = ['Expenditure'];
const revenue = ['Revenue'];

export const createCommitment = posting({
  id: 'createCommitment',
  path: `${base}/commitments`,
  handler: 'expenditure/create-commitment',
  summary: '지출원인행위: commit (encumber) allotted budget of a line for a contract',
  tags: expenditure,
  access: makers('commit'),
  params: govYearParams,
  body: commitmentBody,
});

export const resolvePayment = posting({
  id: 'resolvePayment',
  path: `${base}/commitments/{commitmentId}/resolutions`,
  handler: 'expenditure/resolve-payment',
  summary: '지출결의: resolve a (partial) payment against a commitment',
  tags: expenditure,
  access: makers('resolve'),
  params: commitmentParams,
  body: resolutionBody,
});

export const orderPayment = posting({
  id: 'orderPayment',
  path: `${base}/resolutions/{resolutionId}/payment-orders`,
  handler: 'expenditure/order-payment',
  summary: '지급명령: order the treasury bank to pay a resolution (never by the official who committed)',
  tags: expenditure,
  access: makers('order'),
  params: resolutionParams,
  body: paymentOrderBody,
});

export const confirmPayment = posting({
  id: 'confirmPayment',
  path: `${base}/payment-orders/{orderId}/payment`,
  handler: 'expenditure/confirm-payment',
  summary: '지급: the treasury bank confirms it paid a payment order',
  tags: expenditure,
  access: makers('pay'),
  params: orderParams,
  body: paymentBody,
});

export const returnPayment = posting({
  id: 'returnPayment',
  path: `${base}/payment-orders/{orderId}/returns`,
  handler: 'expenditure/return-payment',
  summary: '반납: the treasury bank confirms money paid on a payment order came back',
  description:
    'Posted in the fiscal year of the payment (by 31 December, or until 20 January under a listed exception), it goes ' +
    'back to the same line: its paid and committed amounts go down and its remaining budget comes back (지방회계법 제27조제2항). ' +
    'Posted in a later year, it is revenue of that year on `revenueLineId` and restores nothing (제27조제1항). Never more ' +
    'than the order paid (422 return-within-paid).',
  tags: expenditure,
  access: makers('return'),
  params: orderParams,
  body: returnBody,
});

export const settleAdvance = posting({
  id: 'settleAdvance',
  path: `${base}/payment-orders/{orderId}/settlements`,
  handler: 'expenditure/settle-advance',
  summary: '정산: the cost an 일상경비등 advance or 개산급 paid is proven; it leaves 선급금 at the 증빙 date',
  description:
    'An advance is a 지출결의 with `advance` (petty-cash: 지방회계법 제34조; estimate: 제35조), booked Dr 선급금 (1108) / ' +
    'Cr 미지급금, then ordered and paid by the bank as any payment. Each settlement, dated at its 증빙 (the 출납계산서 of ' +
    '회계령 제43조제2항), books Dr the cost of the line / Cr 선급금; the unspent rest comes back by 반납 ' +
    '(POST …/payment-orders/{orderId}/returns: Dr 현금 / Cr 선급금, the line restored). Settled plus returned never passes what ' +
    'the bank paid (422 settlement-within-advance); an order that paid a cost is not settled (422 settlement-not-an-advance). ' +
    'When an 일상경비 or 개산급 record names the order (`orderRef`), the record is the source: what the order has settled plus ' +
    'this never passes what the record shows spent (a 개산급: its actual cost up to the estimate, nothing before its 정산; ' +
    '422 settlement-exceeds-record), checked on acceptance and again when the posting applies, so settlements queued ' +
    'together are counted.',
  tags: expenditure,
  access: makers('settle'),
  params: orderParams,
  body: settlementBody,
});

export const withdrawCustody = posting({
  id: 'withdrawCustody',
  path: `${base}/custody/{custodyId}/withdrawals`,
  handler: 'expenditure/withdraw-custody',
  summary: '세입세출외현금 paid out: amounts withheld remitted, a 보증금 returned, a 하자보수보증금 paying the repair',
  description:
    'A payment order with withholdings deposits each kind withheld on the record WH-{yyyy-mm}-{kind} of the month paid; ' +
    'the remittance is due by the 10th of the next month (소득세법 제128조 and the insurance laws). It belongs to the year of ' +
    'its own date (회계령 제51조제1항). Never more than the record holds (422 release-within-deposit); each purpose only from ' +
    'the records it may leave (422 custody-purpose-not-allowed).',
  tags: expenditure,
  access: makers('withdraw'),
  params: custodyParams,
  body: withdrawalBody,
});

export const depositCustody = posting({
  id: 'depositCustody',
  path: `${base}/custody/{custodyId}/deposits`,
  handler: 'expenditure/deposit-custody',
  summary: '세입세출외현금 received: the treasury bank takes in a 입찰·계약·하자보수보증금 onto its record',
  description:
    'The first deposit creates the record with its depositor, contract and the condition for return or forfeiture ' +
    '(지방재정법 시행령 제40조제1항제2호); a later one adds to it only for the same kind, depositor and 회계 (422 ' +
    'custody-record-mismatch). Dr 현금 / Cr 예수금 (입찰·계약보증금) or 장기예수보증금 (하자보수보증금). The fund status ' +
    'counts it as 세입세출외현금, never as budget cash. Returned by a withdrawal (purpose return) or forfeited into 세입.',
  tags: expenditure,
  access: makers('deposit'),
  params: custodyParams,
  body: depositBody,
});

export const forfeitCustody = posting({
  id: 'forfeitCustody',
  path: `${base}/custody/{custodyId}/forfeiture`,
  handler: 'expenditure/forfeit-custody',
  summary: '귀속: a forfeited 보증금 taken into 세입 on a revenue line of the year (no cash moves)',
  description:
    'Only a 보증금 (422 custody-purpose-not-allowed), never more than the record holds (422 release-within-deposit), into ' +
    'the 회계 that holds it (422 forfeiture-fund-mismatch). Dr the liability / Cr the revenue line’s target; the fund ' +
    'status moves the amount from 세입세출외현금 to budget cash.',
  tags: expenditure,
  access: makers('forfeit'),
  params: custodyParams,
  body: forfeitureBody,
});

export const cancelCommitment = posting({
  id: 'cancelCommitment',
  path: `${base}/commitments/{commitmentId}/cancellation`,
  handler: 'expenditure/cancel-commitment',
  summary: 'Cancel an unpaid commitment, releasing its unresolved reserve',
  tags: expenditure,
  access: makers('cancel'),
  params: commitmentParams,
  body: cancellationBody,
});

export const reduceCommitment = posting({
  id: 'reduceCommitment',
  path: `${base}/commitments/{commitmentId}/reductions`,
  handler: 'expenditure/reduce-commitment',
  summary: 'Reduce a commitment (지출원인행위 감액), payments or not: its unresolved part goes back to the allotment',
  description:
    'Releases `amount` of the commitment that is neither resolved nor released (422 reduction-within-unresolved ' +
    'beyond amount − resolved); the payments already made on it stay. No journal line. Used by a 보조금 교부결정 ' +
    'cut (보조금법 제11조, 제12조) or 금액 확정 (제19조) to release what the grant will no longer pay.',
  tags: expenditure,
  access: makers('reduce'),
  params: commitmentParams,
  body: reductionBody,
});

export const correctPosting = posting({
  id: 'correctPosting',
  path: `${base}/postings/{postingId}/correction`,
  handler: 'postings/correct-posting',
  summary: 'Correction: a reversing posting that references the original (never an edit)',
  description:
    'Only in a role that may make the original posting kind (403 correction-role-not-permitted), once ' +
    '(422 already-corrected), and never of cash the treasury bank moved: a payment, receipt or refund, or a ' +
    'commitment, payment order or assessment paid or received against, is refused with 422 bank-confirmed, ' +
    'which names the posting to use instead (반납 of a payment, 과오납 환급 of a receipt).',
  tags: ['Postings'],
  access: governmentWrite(...correctionRoles),
  params: postingParams,
  body: correctionBody,
});

export const assessRevenue = posting({
  id: 'assessRevenue',
  path: `${base}/assessments`,
  handler: 'revenue/assess-revenue',
  summary: '징수결정: assess revenue on a revenue line',
  tags: revenue,
  access: makers('assess'),
  params: govYearParams,
  body: assessmentBody,
});

export const noticeRevenue = posting({
  id: 'noticeRevenue',
  path: `${base}/assessments/{assessmentId}/notices`,
  handler: 'revenue/notice-revenue',
  summary: '고지: send the payer a notice (bill) of an assessment',
  tags: revenue,
  access: makers('notice'),
  params: assessmentParams,
  body: noticeBody,
});

export const receiveRevenue = posting({
  id: 'receiveRevenue',
  path: `${base}/assessments/{assessmentId}/receipts`,
  handler: 'revenue/receive-revenue',
  summary: '수납: record money received against an assessment (over-payments become refundable)',
  tags: revenue,
  access: makers('receive'),
  params: assessmentParams,
  body: receiptBody,
});

export const refundRevenue = posting({
  id: 'refundRevenue',
  path: `${base}/receipts/{receiptId}/refunds`,
  handler: 'revenue/refund-revenue',
  summary: '과오납 환급: refund over- or wrongly paid money, never more than was received',
  tags: revenue,
  access: makers('refund'),
  params: receiptParams,
  body: refundBody,
});

export const receivePriorYearRevenue = posting({
  id: 'receivePriorYearRevenue',
  path: `${base}/assessments/{assessmentId}/prior-year-receipts`,
  handler: 'revenue/receive-prior-year-revenue',
  summary: '과년도 수입: receive, in this year, against an assessment of a year whose cash work is complete',
  description:
    "`year` is this year; the assessment is of an earlier year locked since its 10 February (지방회계법 제27조제1항). This year's " +
    'revenue line `lineId` records it as assessed and received; the journal only settles the receivable carried in ' +
    '(Dr 현금 / Cr the receivable), the revenue having been recognised in its own year.',
  tags: revenue,
  access: makers('prior-year-receive'),
  params: assessmentParams,
  body: priorYearReceiptBody,
});

export const commitPriorYearExpenditure = posting({
  id: 'commitPriorYearExpenditure',
  path: `${base}/commitments/{commitmentId}/prior-year-commitments`,
  handler: 'expenditure/commit-prior-year-expenditure',
  summary: "과년도 지출: commit this year's budget to pay a closed year's fixed and unpaid debt",
  description:
    '`year` is this year; the commitment is of an earlier year locked since its 10 February (지방회계법 제37조). Within the ' +
    "commitment's resolved − paid, on a line of the same 통계목, and within the origin line's 불용액 unless a 보충적 경비 " +
    '(지방회계법 시행령 제47조) is named. The ordinary 지출결의 → 지급명령 → 지급 follow on the new commitment; its 지출결의 ' +
    'books nothing (the cost was booked in its year) and its payment settles the 미지급금 carried in.',
  tags: expenditure,
  access: makers('prior-year-commit'),
  params: commitmentParams,
  body: priorYearCommitmentBody,
});

export const writeOffRevenue = posting({
  id: 'writeOffRevenue',
  path: `${base}/assessments/{assessmentId}/write-offs`,
  handler: 'revenue/write-off-revenue',
  summary: '불납결손: write off (part of) an assessment on a legal ground; the receivable leaves the books',
  description:
    'Dr 대손충당금 (allowanceUsed) and 대손상각비 (the rest) / Cr the receivable. A receivable of a closed year is written ' +
    "off on this year's revenue line `lineId`.",
  tags: revenue,
  access: makers('write-off'),
  params: assessmentParams,
  body: writeOffBody,
});

export const suspendCollection = posting({
  id: 'suspendCollection',
  path: `${base}/assessments/{assessmentId}/collection-suspension`,
  handler: 'revenue/suspend-collection',
  summary: '징수정지: stop collection work on an overdue receivable (it stays in the books)',
  tags: revenue,
  access: makers('suspend-collection'),
  params: assessmentParams,
  body: collectionSuspensionBody,
});

export const getPosting = defineRoute({
  id: 'getPosting',
  method: 'GET',
  path: '/governments/{gov}/postings/{postingId}',
  handler: 'postings/get-posting',
  summary: 'A posting: queued, applied (with its journal lines) or rejected (with the rule and numbers)',
  tags: ['Postings'],
  access: governmentRead(...governmentReaders, 'treasury_bank'),
  params: postingStatusParams,
  response: postingStatus,
});

export const getFundStatus = defineRoute({
  id: 'getFundStatus',
  method: 'GET',
  path: `${base}/fund-status`,
  handler: 'fund-status/get-fund-status',
  summary: "Real-time cash per fund (회계) of one government's fiscal year",
  tags: ['Fund status'],
  access: governmentRead(...governmentReaders, 'research'),
  params: govYearParams,
  response: governmentFundStatus,
});

export const listUnsettledAdvances = defineRoute({
  id: 'listUnsettledAdvances',
  method: 'GET',
  path: `${base}/advances/unsettled`,
  handler: 'expenditure/list-unsettled-advances',
  summary: 'Advances (일상경비등, 개산급) the bank paid and whose 선급금 is not yet settled or returned, overdue after their due date',
  description:
    '일상경비등 come back by 20 January of the next year (지방회계법 제7조제2항); an advance still unsettled after its due date ' +
    'is `overdue`. The year-end closing request answers the same list as a warning.',
  tags: expenditure,
  access: governmentRead(...governmentReaders),
  params: govYearParams,
  response: unsettledAdvanceList,
});

export const getNationalFundStatus = defineRoute({
  id: 'getNationalFundStatus',
  method: 'GET',
  path: '/years/{year}/fund-status',
  handler: 'fund-status/get-national-fund-status',
  summary: 'Real-time cash per fund summed over the 243 local governments',
  tags: ['Fund status'],
  access: nationalRead('ministry', 'research'),
  params: yearParams,
  response: nationalFundStatus,
});

export const listLedger = defineRoute({
  id: 'listLedger',
  method: 'GET',
  path: `${base}/ledger`,
  handler: 'postings/list-ledger',
  summary: '지출부/수입부: the applied postings of a line, a department, a counterparty or the whole book, by period, paged',
  description:
    'One Query of an index written with each posting (never a scan). Each page carries its exact totals per posting kind; ' +
    'counterparties appear only as 사업자등록번호 or a pseudonym.',
  tags: ['Postings'],
  access: governmentRead(...governmentReaders),
  params: govYearParams,
  query: ledgerQuery,
  response: ledgerPage,
});

export const backfillLedger = defineRoute({
  id: 'backfillLedger',
  method: 'POST',
  path: `${base}/ledger/backfill`,
  handler: 'postings/backfill-ledger',
  summary: '지출부/수입부 backfill: index the postings applied before the document ledger existed (idempotent, resumable)',
  description:
    'Reads the audit trail of the fiscal year (January to the next February) for applied postings and writes their ledger index items from what each posting recorded; ' +
    'progress is saved after every page, so repeat the call until `done`. Postings already indexed are written again unchanged. ' +
    'One call at a time per government and year: a call while another runs is refused 409 `ledger-backfill-running`.',
  tags: ['Postings'],
  access: governmentWrite('chief_accountant'),
  params: govYearParams,
  body: ledgerBackfillBody,
  response: ledgerBackfillProgress,
});

export const getNationalExecutionRate = defineRoute({
  id: 'getNationalExecutionRate',
  method: 'GET',
  path: '/years/{year}/execution-rate',
  handler: 'fund-status/get-national-execution-rate',
  summary: 'Nationwide execution rate per government (지출액 ÷ 세출 예산현액), exact sums over the 243 governments',
  tags: ['Fund status'],
  access: nationalRead('ministry'),
  params: yearParams,
  response: nationalExecutionRate,
});
