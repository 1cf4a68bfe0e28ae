import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { collectorTarget, docTarget, lineTarget, programTarget } from '#shared/domain/execution/items.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import type { RefundInterestTerms } from '#shared/domain/execution/year-two/refund-interest.ts';
import type { Books, Judged } from '#test/unit/execution/rules/support.ts';
import { FUND, GOV, POSTING_ID, cr, dr } from '#test/unit/execution/rules/support.ts';

/**
 * The rules of the year after (issue #15) as case tables, joined into posting-rules.test.ts: 과년도 수입
 * and 지출, 불납결손, 징수정지. The books: year 2026 (locked since 11 February 2027) and 2027, the posting
 * made on 2 March 2027. Accounts: 1101 현금, 1105 미수세외수입금 (the 2-1 row's receivable), 1106 its
 * 대손충당금, 5302 대손상각비.
 */
interface Case {
  readonly name: string;
  readonly message: PostingMessage;
  readonly books: Books;
  readonly expected: Judged;
}

const OLD = 2026;
const NEW = 2027;
const zero = { allotted: 0, committed: 0, resolved: 0, ordered: 0, paid: 0, assessed: 0, received: 0, refunded: 0 };

const line = (
  year: number,
  lineId: string,
  kind: 'expenditure' | 'revenue',
  counters: Record<string, number>,
  budget = 0,
): ControlledItem => ({
  target: lineTarget(GOV, year, lineId),
  kind: 'line',
  attrs:
    kind === 'expenditure'
      ? { lineId, lineKind: kind, fund: FUND, itemCode: '201-01', structureType: '행정운영경비', budget }
      : { lineId, lineKind: kind, fund: FUND, itemCode: '2', journalCode: '2-1', budget },
  counters: { ...zero, ...counters },
});
const oldExpense = (counters: Record<string, number>, budget = 1_000) => line(OLD, 'E1', 'expenditure', counters, budget);
const newExpense = (counters: Record<string, number> = {}) => line(NEW, 'E2', 'expenditure', { allotted: 5_000, ...counters });
const oldRevenue = (counters: Record<string, number> = {}) => line(OLD, 'R1', 'revenue', counters);
const newRevenue = (counters: Record<string, number> = {}) => line(NEW, 'R2', 'revenue', counters);

const oldCommitment = (counters: Record<string, number>, lineId = 'E1'): ControlledItem => ({
  target: docTarget(GOV, 'C1'),
  kind: 'commitment',
  attrs: { year: OLD, fund: FUND, lineId, createdBy: 'fo-kim' },
  counters: { amount: 0, resolved: 0, paid: 0, cancelled: 0, paidLater: 0, ...counters },
});
/** The 불용액 the 2026 year-end closing recorded for a 정책사업 (E1 names none: it is its own). */
const oldProgram = (counters: Record<string, number>, program = 'E1'): ControlledItem => ({
  target: programTarget(GOV, OLD, FUND, program),
  kind: 'program',
  attrs: { fund: FUND, program },
  counters: { unspent: 0, paidLater: 0, ...counters },
});
/** A structured line of 2026 in 정책사업 P01, its whole 예산현액 paid (no 불용액 of its own). */
const STRUCTURED = `E.${FUND}.P01.U01.D001.201-01`;
const assessmentOf = (year: number, counters: Record<string, number>, collector?: string): ControlledItem => ({
  target: docTarget(GOV, 'A1'),
  kind: 'assessment',
  attrs: { year, fund: FUND, lineId: year === OLD ? 'R1' : 'R2', ...(collector ? { collector } : {}) },
  counters: { amount: 0, received: 0, notices: 0, writtenOff: 0, suspended: 0, ...counters },
});
/** The receivables of 징수관 ro-park on the assessment's line of `year` (collector-receivables.ts). */
const parkOf = (year: number, counters: Record<string, number>): ControlledItem => ({
  target: collectorTarget(GOV, year, year === OLD ? 'R1' : 'R2', 'ro-park'),
  kind: 'collector',
  attrs: { lineId: year === OLD ? 'R1' : 'R2', collector: 'ro-park', fund: FUND },
  counters: { assessed: 0, received: 0, writtenOff: 0, receivedLater: 0, writtenOffLater: 0, ...counters },
});

const at = (command: PostingCommand, lineId: string, receivedAt = '2027-03-02T01:00:00.000Z', sub = 'ro-choi'): PostingMessage => ({
  postingId: POSTING_ID,
  gov: GOV,
  year: NEW,
  lineId,
  command,
  actor: { sub, role: 'revenue_officer', requestId: 'r', sourceIp: '127.0.0.1', bodySha256: '', receivedAt },
});
const receivePrior = (amount: number, receivedAt?: string) =>
  at(
    { kind: 'prior-year-receive', assessmentId: 'A1', lineId: 'R2', amount, date: receivedAt ? receivedAt.slice(0, 10) : '2027-03-02' },
    'R2',
    receivedAt,
  );
const commitPrior = (amount: number, supplementaryExpense?: string) =>
  at(
    {
      kind: 'prior-year-commit',
      commitmentId: 'C1',
      lineId: 'E2',
      amount,
      date: '2027-03-02',
      ...(supplementaryExpense ? { supplementaryExpense } : {}),
    },
    'E2',
    undefined,
    'fo-kim',
  );
const writeOff = (amount: number, extra: { allowanceUsed?: number; lineId?: string } = {}) =>
  at({ kind: 'write-off', assessmentId: 'A1', amount, ground: 'prescription', date: '2027-03-02', ...extra }, extra.lineId ?? 'R1');
const suspend = () => at({ kind: 'suspend-collection', assessmentId: 'A1', ground: 'debtor-missing', date: '2027-03-02' }, 'R1');

const refused = (code: string, context?: Record<string, unknown>): Judged => ({
  problem: { status: 422, code, ...(context ? { context } : {}) },
});

export const yearTwoCases: Readonly<
  Record<'prior-year-receive' | 'prior-year-commit' | 'write-off' | 'suspend-collection', readonly Case[]>
> = {
  'prior-year-receive': [
    {
      name: "takes a closed year's receipt into this year's revenue and settles only the receivable (지방회계법 제27조①)",
      message: receivePrior(300),
      books: { items: [oldRevenue({ assessed: 900 }), newRevenue(), assessmentOf(OLD, { amount: 900, received: 200 })] },
      expected: {
        applied: {
          amount: 300,
          deltas: { line: { assessed: 300, received: 300 }, A1: { received: 300 }, created: { amount: 300, overpaid: 0 } },
          journal: [dr('1101', 300), cr('1105', 300)],
        },
      },
    },
    {
      name: "settles the 미수납 its 징수관 carried forward: the closed year's item counts it as received later",
      message: receivePrior(300),
      books: {
        items: [
          oldRevenue({ assessed: 900 }),
          newRevenue(),
          assessmentOf(OLD, { amount: 900, received: 200 }, 'ro-park'),
          parkOf(OLD, { assessed: 900, received: 200 }),
        ],
      },
      expected: {
        applied: {
          amount: 300,
          deltas: {
            line: { assessed: 300, received: 300 },
            A1: { received: 300 },
            created: { amount: 300, overpaid: 0 },
            collector: { receivedLater: 300 },
          },
          journal: [dr('1101', 300), cr('1105', 300)],
        },
      },
    },
    {
      name: 'refuses more than is outstanding (assessed − received − written off)',
      message: receivePrior(501),
      books: { items: [oldRevenue(), newRevenue(), assessmentOf(OLD, { amount: 900, received: 200, writtenOff: 200 })] },
      expected: refused('prior-year-receipt-exceeds-outstanding', { outstanding: 500, requested: 501 }),
    },
    {
      name: 'refuses before the old year is locked: on 10 February it still receives for itself',
      message: receivePrior(100, '2027-02-10T01:00:00.000Z'),
      books: { items: [oldRevenue(), newRevenue(), assessmentOf(OLD, { amount: 900 })] },
      expected: refused('prior-year-not-complete', { originYear: 2026, completionDate: '2027-02-10', today: '2027-02-10' }),
    },
    {
      name: 'refuses an assessment of this year (that is a 수납)',
      message: receivePrior(100),
      books: { items: [newRevenue(), assessmentOf(NEW, { amount: 900 })] },
      expected: refused('not-a-prior-year', { originYear: 2027, year: 2027 }),
    },
  ],
  'prior-year-commit': [
    {
      name: "commits this year's line for the fixed, unpaid debt, within the 정책사업's 불용액; no journal (booked in its year)",
      message: commitPrior(300),
      books: {
        items: [
          oldExpense({ paid: 500 }),
          newExpense(),
          oldCommitment({ amount: 800, resolved: 800, paid: 500 }),
          oldProgram({ unspent: 500 }),
        ],
      },
      expected: {
        applied: {
          amount: 300,
          deltas: { line: { paidLater: 300 }, created: { amount: 300 }, C1: { paidLater: 300 }, program: { paidLater: 300 } },
          journal: [],
        },
      },
    },
    {
      name: 'refuses more than the commitment resolved (채무확정) and left unpaid (지방회계법 제37조)',
      message: commitPrior(301),
      books: {
        items: [
          oldExpense({ paid: 500 }),
          newExpense(),
          oldCommitment({ amount: 900, resolved: 800, paid: 500 }),
          oldProgram({ unspent: 500 }),
        ],
      },
      expected: refused('prior-year-exceeds-fixed-debt', { fixedUnpaid: 300, requested: 301 }),
    },
    {
      name: "refuses more than the 정책사업's recorded 불용액 less earlier 과년도 지출 (지방회계법 제37조 본문)",
      message: commitPrior(300),
      books: {
        items: [
          oldExpense({ paid: 500, carriedOver: 150, paidLater: 100 }),
          newExpense(),
          oldCommitment({ amount: 900, resolved: 900, paid: 500 }),
          oldProgram({ unspent: 350, paidLater: 100 }),
        ],
      },
      expected: refused('prior-year-exceeds-unspent', {
        originYear: 2026,
        fund: FUND,
        program: 'E1',
        recordedUnspent: 350,
        paidLater: 100,
        unspent: 250,
        requested: 300,
      }),
    },
    {
      name: 'pays from the 불용액 other lines of the 정책사업 left, when the origin line left none (the cap is per 정책사업)',
      message: commitPrior(300),
      books: {
        items: [
          line(OLD, STRUCTURED, 'expenditure', { paid: 1_000 }, 1_000),
          newExpense(),
          oldCommitment({ amount: 1_300, resolved: 1_300, paid: 1_000 }, STRUCTURED),
          oldProgram({ unspent: 400 }, `${FUND}.P01`),
        ],
      },
      expected: {
        applied: {
          amount: 300,
          deltas: { line: { paidLater: 300 }, created: { amount: 300 }, C1: { paidLater: 300 }, program: { paidLater: 300 } },
          journal: [],
        },
      },
    },
    {
      name: 'waits for the year-end closing that records the 정책사업 불용액',
      message: commitPrior(100),
      books: { items: [oldExpense({ paid: 500 }), newExpense(), oldCommitment({ amount: 800, resolved: 800, paid: 500 })] },
      expected: refused('prior-year-unspent-not-recorded', { originYear: 2026, fund: FUND, program: 'E1', requested: 100 }),
    },
    {
      name: 'lets a 보충적 경비 of 시행령 제47조 pass the 불용액 cap (the 정책사업 is neither read nor charged)',
      message: commitPrior(300, 'utility-rate-increase'),
      books: {
        items: [
          oldExpense({ paid: 500, carriedOver: 150, paidLater: 100 }),
          newExpense(),
          oldCommitment({ amount: 900, resolved: 900, paid: 500 }),
        ],
      },
      expected: {
        applied: { amount: 300, deltas: { line: { paidLater: 300 }, created: { amount: 300 }, C1: { paidLater: 300 } }, journal: [] },
      },
    },
    {
      name: 'refuses a line of another 통계목',
      message: commitPrior(100),
      books: {
        items: [
          oldExpense({ paid: 500 }),
          { ...newExpense(), attrs: { ...newExpense().attrs, itemCode: '202-01' } },
          oldCommitment({ amount: 800, resolved: 800, paid: 500 }),
        ],
      },
      expected: refused('prior-year-purpose-mismatch', { itemCode: '202-01', originItemCode: '201-01' }),
    },
  ],
  'write-off': [
    {
      name: 'writes off a receivable of this year: 대손충당금 first, 대손상각비 for the rest, the receivable leaves',
      message: at(
        { kind: 'write-off', assessmentId: 'A1', amount: 300, ground: 'prescription', allowanceUsed: 100, date: '2027-03-02' },
        'R2',
      ),
      books: { items: [newRevenue({ assessed: 900 }), assessmentOf(NEW, { amount: 900, received: 200 })] },
      expected: {
        applied: {
          amount: 300,
          deltas: { line: { writtenOff: 300 }, A1: { writtenOff: 300 } },
          journal: [dr('1106', 100), dr('5302', 200), cr('1105', 300)],
        },
      },
    },
    {
      name: "writes off a closed year's receivable on this year's line, brought forward as assessed",
      message: writeOff(400, { lineId: 'R2' }),
      books: { items: [oldRevenue({ assessed: 900 }), newRevenue(), assessmentOf(OLD, { amount: 900, received: 500 })] },
      expected: {
        applied: {
          amount: 400,
          deltas: { line: { assessed: 400, writtenOff: 400 }, A1: { writtenOff: 400 } },
          journal: [dr('5302', 400), cr('1105', 400)],
        },
      },
    },
    {
      name: "counts a write-off on its 징수관's item: of this year as 불납결손액, of a closed year as settled later",
      message: writeOff(400, { lineId: 'R2' }),
      books: {
        items: [
          oldRevenue({ assessed: 900 }),
          newRevenue(),
          assessmentOf(OLD, { amount: 900, received: 500 }, 'ro-park'),
          parkOf(OLD, { assessed: 900, received: 500 }),
        ],
      },
      expected: {
        applied: {
          amount: 400,
          deltas: { line: { assessed: 400, writtenOff: 400 }, A1: { writtenOff: 400 }, collector: { writtenOffLater: 400 } },
          journal: [dr('5302', 400), cr('1105', 400)],
        },
      },
    },
    {
      name: "a write-off of this year lowers its 징수관's 미수납 as 불납결손액",
      message: at({ kind: 'write-off', assessmentId: 'A1', amount: 300, ground: 'prescription', date: '2027-03-02' }, 'R2'),
      books: {
        items: [
          newRevenue({ assessed: 900 }),
          assessmentOf(NEW, { amount: 900, received: 200 }, 'ro-park'),
          parkOf(NEW, { assessed: 900 }),
        ],
      },
      expected: {
        applied: {
          amount: 300,
          deltas: { line: { writtenOff: 300 }, A1: { writtenOff: 300 }, collector: { writtenOff: 300 } },
          journal: [dr('5302', 300), cr('1105', 300)],
        },
      },
    },
    {
      name: "refuses a closed year's receivable without this year's line",
      message: writeOff(100),
      books: { items: [oldRevenue(), assessmentOf(OLD, { amount: 900 })] },
      expected: refused('prior-year-line-required', { originYear: 2026 }),
    },
    {
      name: 'refuses more than is outstanding',
      message: writeOff(401, { lineId: 'R2' }),
      books: { items: [oldRevenue(), newRevenue(), assessmentOf(OLD, { amount: 900, received: 500 })] },
      expected: refused('write-off-exceeds-outstanding', { outstanding: 400, requested: 401 }),
    },
    {
      name: 'refuses an allowance used beyond the amount',
      message: writeOff(100, { lineId: 'R2', allowanceUsed: 101 }),
      books: { items: [oldRevenue(), newRevenue(), assessmentOf(OLD, { amount: 900 })] },
      expected: refused('write-off-allowance-exceeds-amount', { allowanceUsed: 101, amount: 100 }),
    },
  ],
  'suspend-collection': [
    {
      name: 'marks the assessment; the receivable stays and no counter of the line moves',
      message: suspend(),
      books: { items: [oldRevenue(), assessmentOf(OLD, { amount: 900 })] },
      expected: { applied: { amount: 0, deltas: { A1: { suspended: 1 } }, journal: [] } },
    },
    {
      name: 'refuses a second suspension',
      message: suspend(),
      books: { items: [oldRevenue(), assessmentOf(OLD, { amount: 900, suspended: 1 })] },
      expected: refused('collection-already-suspended'),
    },
  ],
};

/** A receipt of 2026 on R1: 1,000,000 paid in error (nothing over the assessment). */
const oldReceipt = (counters: Record<string, number> = {}): ControlledItem => ({
  target: docTarget(GOV, 'RC1'),
  kind: 'receipt',
  attrs: { year: OLD, fund: FUND, lineId: 'R1', assessmentId: 'A1' },
  counters: { amount: 1_000_000, overpaid: 0, refunded: 0, ...counters },
});
const refundPrior = (extra: { lineId?: string; interest?: RefundInterestTerms }, receivedAt?: string) =>
  at(
    {
      kind: 'refund',
      receiptId: 'RC1',
      amount: 1_000_000,
      date: receivedAt ? receivedAt.slice(0, 10) : '2027-03-02',
      reason: '착오납부',
      ...extra,
    },
    extra.lineId ?? 'R1',
    receivedAt,
  );
/** 착오납부 on 1 December 2026; the rate is the table's: 연 1천분의 31 since 21 March 2025 (국세기본법 시행규칙 제19조의3). */
const december: RefundInterestTerms = { ground: 'erroneous-payment', from: '2026-12-01' };
/** A 지방세 line of 2026 (세입 과목 1-1) and its receipt, for 지방세환급가산금 (지방세기본법 제62조). */
const oldTaxLine = (): ControlledItem => ({
  target: lineTarget(GOV, OLD, 'T1'),
  kind: 'line',
  attrs: { lineId: 'T1', lineKind: 'revenue', fund: FUND, itemCode: '1', journalCode: '1-1', budget: 0 },
  counters: { ...zero, assessed: 1_000_000, received: 1_000_000 },
});
const oldTaxReceipt = (): ControlledItem => ({ ...oldReceipt(), attrs: { year: OLD, fund: FUND, lineId: 'T1', assessmentId: 'A1' } });

/** 과년도 과오납 환급 (지방회계법 제28조), joined to the refund table of posting-rules.test.ts. */
export const priorYearRefundCases: readonly Case[] = [
  {
    // 2 Dec 2026 … 2 Mar 2027: 30 + 31 + 28 + 2 = 91 days; 1,000,000 × 31 × 91 ÷ (1,000 × 365) = 7,728.7… → 7,728.
    name: "refunds a closed year's receipt from this year's revenue line with its interest (제28조①②, 시행령 제31조제1호)",
    message: refundPrior({ lineId: 'R2', interest: december }),
    books: { items: [oldRevenue({ assessed: 1_000_000, received: 1_000_000 }), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: {
      applied: {
        amount: 1_007_728,
        deltas: { line: { refunded: 1_007_728 }, RC1: { refunded: 1_000_000 } },
        journal: [dr('4202', 1_007_728), cr('1101', 1_007_728)],
      },
    },
  },
  {
    name: "refuses a closed year's receipt without this year's revenue line to refund it from",
    message: refundPrior({ interest: december }),
    books: { items: [oldRevenue(), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: refused('prior-year-line-required', { originYear: 2026, year: 2027 }),
  },
  {
    name: 'refuses before the old year is complete: until 10 February it refunds in its own year',
    message: refundPrior({ lineId: 'R2' }, '2027-02-10T01:00:00.000Z'),
    books: { items: [oldRevenue(), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: refused('prior-year-not-complete', { originYear: 2026, completionDate: '2027-02-10' }),
  },
  {
    name: "refuses more than this year's line received (the refund comes from this year's revenue)",
    message: refundPrior({ lineId: 'R2', interest: december }),
    books: { items: [oldRevenue(), newRevenue({ received: 1_000_000 }), oldReceipt()] },
    expected: refused('refunded-within-received', { received: 1_000_000, refunded: 0 }),
  },
  {
    name: "refuses a closed year's refund without its interest (지방회계법 제28조제2항: 이자를 지급하여야 한다)",
    message: refundPrior({ lineId: 'R2' }),
    books: { items: [oldRevenue(), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: refused('refund-interest-required', { rule: '지방회계법 제28조제2항', originYear: 2026 }),
  },
  {
    name: 'refuses a 지방세 ground on a 세외수입 receipt (제28조제2항 단서: the other law only for 지방세)',
    message: refundPrior({ lineId: 'R2', interest: { ground: 'local-tax-erroneous-payment', from: '2026-12-01' } }),
    books: { items: [oldRevenue(), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: refused('refund-interest-law-mismatch', { ground: 'local-tax-erroneous-payment', law: 'local-accounting' }),
  },
  {
    name: 'refuses a 지방회계법 ground on a 지방세 receipt: it carries 지방세환급가산금 (지방세기본법 제62조)',
    message: refundPrior({ lineId: 'R2', interest: december }),
    books: { items: [oldTaxLine(), newRevenue({ received: 2_000_000 }), oldTaxReceipt()] },
    expected: refused('refund-interest-law-mismatch', { ground: 'erroneous-payment', law: 'local-tax' }),
  },
  {
    // 지방세기본법 시행령 제43조①1: from the day after payment; the same 91 days at 연 1천분의 31 → 7,728.
    name: 'refunds a 지방세 receipt with 지방세환급가산금 from the day after payment to the refund decision',
    message: refundPrior({ lineId: 'R2', interest: { ground: 'local-tax-erroneous-payment', from: '2026-12-01' } }),
    books: { items: [oldTaxLine(), newRevenue({ received: 2_000_000 }), oldTaxReceipt()] },
    expected: {
      applied: {
        amount: 1_007_728,
        deltas: { line: { refunded: 1_007_728 }, RC1: { refunded: 1_000_000 } },
        journal: [dr('4202', 1_007_728), cr('1101', 1_007_728)],
      },
    },
  },
  {
    name: 'refuses interest reaching back before the rate table (14 March 2014)',
    message: refundPrior({ lineId: 'R2', interest: { ground: 'erroneous-payment', from: '2014-03-12' } }),
    books: { items: [oldRevenue(), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: refused('refund-interest-rate-unknown', { runsFrom: '2014-03-13', firstRateDay: '2014-03-14' }),
  },
  {
    name: 'refuses interest from a date after the refund',
    message: refundPrior({ lineId: 'R2', interest: { ...december, from: '2027-03-03' } }),
    books: { items: [oldRevenue(), newRevenue({ received: 2_000_000 }), oldReceipt()] },
    expected: refused('refund-interest-date-after-refund', { from: '2027-03-03', date: '2027-03-02' }),
  },
];
