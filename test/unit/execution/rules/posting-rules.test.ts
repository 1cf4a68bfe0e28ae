import { describe, expect, it } from 'vitest';
import type { PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import { postingRules } from '#shared/domain/execution/rules/index.ts';
import type { StoredResult } from '#shared/domain/execution/snapshot.ts';
import { collectorTarget, docTarget, lineTarget } from '#shared/domain/execution/items.ts';
import type { Books, Judged } from '#test/unit/execution/rules/support.ts';
import { priorYearRefundCases, yearTwoCases } from '#test/unit/execution/rules/year-two-cases.ts';
import {
  FUND,
  GOV,
  YEAR,
  cashAllocation,
  cr,
  documentItem,
  dr,
  expenditureLine,
  judge,
  posting,
  revenueLine,
} from '#test/unit/execution/rules/support.ts';

/**
 * Every posting kind, as a table: the books given (working-state counters), the posting, and either
 * the counter deltas by item and the exact journal lines, or the problem body a client receives.
 * Accounts: 5201 expense of 편성목 201, 2101 미지급금, 1101 현금, 1103 미수세외수입금, 4201 세외수익,
 * 2102 예수금 (세입세출외현금), 2107 과오납금 (an over-payment owed back, budget cash).
 */
interface Case {
  readonly name: string;
  readonly message: PostingMessage;
  readonly books: Books;
  readonly expected: Judged;
}

const commitment = (counters: Record<string, number>, attrs: Record<string, string | number> = {}) =>
  documentItem(
    'commitment',
    'C1',
    { lineId: 'E1', createdBy: 'fo-kim', ...attrs },
    { amount: 0, resolved: 0, paid: 0, cancelled: 0, ...counters },
  );
const resolution = (counters: Record<string, number>) =>
  documentItem('resolution', 'RS1', { lineId: 'E1', commitmentId: 'C1', committedBy: 'fo-kim' }, { amount: 0, ordered: 0, ...counters });
const order = (counters: Record<string, number>) =>
  documentItem(
    'order',
    'O1',
    { lineId: 'E1', commitmentId: 'C1', resolutionId: 'RS1', createdBy: 'do-park', cashMonth: '2026-03' },
    { amount: 0, paid: 0, ...counters },
  );
const assessment = (counters: Record<string, number>) =>
  documentItem('assessment', 'A1', { lineId: 'R1' }, { amount: 0, received: 0, notices: 0, ...counters });
/** The receivables of 징수관 ro-choi on R1 (collector-receivables.ts). */
const roChoiOnR1 = (counters: Record<string, number>) => ({
  target: collectorTarget(GOV, YEAR, 'R1', 'ro-choi'),
  kind: 'collector' as const,
  attrs: { lineId: 'R1', collector: 'ro-choi', fund: FUND },
  counters: { assessed: 0, received: 0, writtenOff: 0, receivedLater: 0, writtenOffLater: 0, ...counters },
});
const receipt = (counters: Record<string, number>) =>
  documentItem('receipt', 'RC1', { lineId: 'R1', assessmentId: 'A1' }, { amount: 0, overpaid: 0, refunded: 0, ...counters });

/** 일상경비등 terms on a 지출결의 (회계령 §38①2 일반운영비, one month: §39①). */
const march = { from: '2026-03-03', to: '2026-03-31' };
const pettyCash = { item: 2, period: march };

/** A 일상경비등 advance of 200 paid by the bank on O1 (rules/settle.ts), with what was settled or returned. */
const advanceOrder = (counters: Record<string, number> = {}) =>
  documentItem(
    'order',
    'O1',
    { lineId: 'E1', commitmentId: 'C1', resolutionId: 'RS1', createdBy: 'do-park', cashMonth: '2026-03', advance: 'petty-cash' },
    { amount: 200, paid: 200, returned: 0, settled: 0, cleared: 0, ...counters },
  );
const settlePosting = (amount: number) =>
  posting({ kind: 'settle', orderId: 'O1', amount, date: '2026-03-25', evidence: '출납계산서 3월' }, 'do-park');
const commitPosting = (amount: number, date = '2026-03-02') =>
  posting({ kind: 'commit', lineId: 'E1', amount, counterparty: 'c', contractRef: 'k', date });
const resolvePosting = (amount: number) => posting({ kind: 'resolve', commitmentId: 'C1', amount, date: '2026-03-03' });
/** What the 지출원 finds before ordering 200 on RS1: the line, the resolution, its commitment and March's cash. */
const orderBooks = (line: Record<string, number> = {}) => ({
  items: [
    expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ...line }),
    resolution({ amount: 200 }),
    commitment({ amount: 500, resolved: 200 }),
    cashAllocation('2026-03', { allocated: 1_000 }),
  ],
});
/** An order of 200 given in February (its claim on February's cash), to be paid in March from `march`. */
const februaryOrderBooks = (march: { allocated: number; paid: number; claimed: number }) => ({
  items: [
    expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200 }),
    documentItem('order', 'O1', { lineId: 'E1', commitmentId: 'C1', resolutionId: 'RS1', cashMonth: '2026-02' }, { amount: 200 }),
    commitment({ amount: 500, resolved: 200 }),
    cashAllocation('2026-02', { allocated: 500, claimed: 200 }),
    cashAllocation('2026-03', march),
  ],
});
const orderPosting = (amount: number, sub = 'do-park') => posting({ kind: 'order', resolutionId: 'RS1', amount, date: '2026-03-04' }, sub);
const withholdingOrder = (withholdings: { kind: 'income-tax' | 'local-income-tax'; amount: number }[], amount = 200) =>
  posting({ kind: 'order', resolutionId: 'RS1', amount, date: '2026-03-04', withholdings }, 'do-park');
/** A salary order of 200 with 소득세 40 and 지방소득세 4 withheld, as the order rule stored it. */
const orderWithholding = () =>
  documentItem(
    'order',
    'O1',
    {
      lineId: 'E1',
      commitmentId: 'C1',
      resolutionId: 'RS1',
      createdBy: 'do-park',
      cashMonth: '2026-03',
      withholdings: 'income-tax:40,local-income-tax:4',
    },
    { amount: 200, paid: 0 },
  );
const custody = (docId: string, counters: { deposited: number; released?: number }) =>
  documentItem(
    'custody',
    docId,
    { book: 'withholding', custodyKind: 'income-tax', month: '2026-03', dueDate: '2026-04-10' },
    { released: 0, forfeited: 0, ...counters },
  );
/** A 하자보수보증금 (or another 보증금) of (주)가나 held on GD-1. */
const guarantee = (counters: { deposited: number; released?: number }, kind = 'defect-guarantee', fund = 'general') =>
  documentItem(
    'custody',
    'GD-00001',
    { book: 'guarantee', custodyKind: kind, depositor: '(주)가나', fund, condition: '하자기간 2년' },
    { released: 0, forfeited: 0, ...counters },
  );
const depositPosting = (amount: number, extra: { guaranteeKind?: 'bid-guarantee' | 'defect-guarantee'; depositor?: string } = {}) =>
  posting(
    {
      kind: 'deposit',
      custodyId: 'GD-00001',
      amount,
      date: '2026-06-30',
      fund: 'general',
      guaranteeKind: extra.guaranteeKind ?? 'defect-guarantee',
      depositor: extra.depositor ?? '(주)가나',
      contractId: 'C2026-001',
      condition: '하자기간 2년',
    },
    'bank-seoul',
    'custody.GD-00001',
  );
const forfeitPosting = (amount: number, custodyId = 'GD-00001') =>
  posting(
    { kind: 'forfeit', custodyId, amount, date: '2026-09-01', revenueLineId: 'R1', ground: '하자보수 불이행' },
    'ro-choi',
    `custody.${custodyId}`,
  );
const withdrawPosting = (
  amount: number,
  custodyId = 'WH-2026-03-income-tax',
  purpose: 'remittance' | 'return' | 'defect-repair' = 'remittance',
  date = '2026-04-10',
) => posting({ kind: 'withdraw', custodyId, amount, date, purpose }, 'bank-seoul', `custody.${custodyId}`);
const payPosting = (date = '2026-03-05') => posting({ kind: 'pay', orderId: 'O1', date }, 'bank-seoul');
const returnPosting = (
  amount: number,
  extra: { date?: string; revenueLineId?: string; exceptionCode?: 'local-subsidy-settlement-return' } = {},
) =>
  posting(
    { kind: 'return', orderId: 'O1', amount, date: extra.date ?? '2026-03-20', reason: 'over-paid', ...extra },
    'bank-seoul',
    extra.revenueLineId ?? 'E1',
  );
/** A 반납 of year 2025 judged on 16 January 2026: inside the 출납정리기한 window. */
const returnInWindow = (exceptionCode?: 'local-subsidy-settlement-return') => {
  const message = returnPosting(80, { date: '2026-01-15', ...(exceptionCode ? { exceptionCode } : {}) });
  return { ...message, year: 2025, actor: { ...message.actor, receivedAt: '2026-01-16T01:00:00.000Z' } };
};
const in2025 = <T extends { target: unknown; attrs: Record<string, unknown> }>(item: T): T =>
  item.attrs.year === undefined ? { ...item, target: lineTarget(GOV, 2025, 'E1') } : { ...item, attrs: { ...item.attrs, year: 2025 } };
/** A 반납 of 80 back on the line it was paid from: the line's chain down by it, the order counting it. */
const restoredOnTheLine: Judged = {
  applied: {
    amount: 80,
    deltas: { line: { committed: -80, resolved: -80, ordered: -80, paid: -80, returned: 80 }, O1: { returned: 80 } },
    journal: [dr('1101', 80), cr('5202', 80)],
  },
};
const paidLine = () => expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200, paid: 200 });
const cancelPosting = () => posting({ kind: 'cancel', commitmentId: 'C1', date: '2026-03-06', reason: 'withdrawn' });
const reducePosting = (amount: number) =>
  posting({ kind: 'reduce', commitmentId: 'C1', amount, date: '2026-09-01', reason: '교부결정 감액' });
const assessPosting = (amount: number, lineId = 'R1') =>
  posting({ kind: 'assess', lineId, amount, payer: 'p', dueDate: '2026-04-30', date: '2026-04-01' }, 'ro-choi', lineId);
const noticePosting = () => posting({ kind: 'notice', assessmentId: 'A1', dueDate: '2026-04-30', date: '2026-04-02' }, 'ro-choi', 'R1');
const receivePosting = (amount: number, assessmentId = 'A1') =>
  posting({ kind: 'receive', assessmentId, amount, date: '2026-04-10' }, 'bank-seoul', 'R1');
const refundPosting = (amount: number) =>
  posting({ kind: 'refund', receiptId: 'RC1', amount, date: '2026-04-20', reason: 'over-payment' }, 'ro-choi', 'R1');
const correctPosting = (originalPostingId = 'P-RS') =>
  posting({ kind: 'correct', originalPostingId, date: '2026-03-12', reason: 'wrong amount' }, 'fo-lee');

/** An applied resolution of 200 on commitment C1, as the consumer stored it. */
const storedResolution = (overrides: Partial<StoredResult> = {}): StoredResult => ({
  postingId: 'P-RS',
  gov: GOV,
  year: YEAR,
  kind: 'resolve',
  status: 'applied',
  amount: 200,
  effects: [
    { target: lineTarget(GOV, YEAR, 'E1'), kind: 'line', deltas: { resolved: 200 } },
    { target: docTarget(GOV, 'C1'), kind: 'commitment', deltas: { resolved: 200 } },
    { target: docTarget(GOV, 'P-RS'), kind: 'resolution', deltas: { amount: 200 } },
  ],
  journal: { fund: 'general', date: '2026-03-03', lines: [dr('5202', 200), cr('2101', 200)] },
  reverses: undefined,
  ...overrides,
});
const resolutionDocument = (ordered: number) =>
  documentItem('resolution', 'P-RS', { lineId: 'E1', commitmentId: 'C1', committedBy: 'fo-kim' }, { amount: 200, ordered });

/** A correction asked for in another role than the fixtures' finance officer. */
const correctingAs = (role: PostingMessage['actor']['role'], originalPostingId: string) => {
  const message = correctPosting(originalPostingId);
  return { ...message, actor: { ...message.actor, role } };
};
/** An applied posting of `kind` that created (or, for a payment, moved) the document it names. */
const storedPosting = (kind: PostingKind, postingId: string, effects: StoredResult['effects'], journal: StoredResult['journal']) =>
  storedResolution({ kind, postingId, effects, journal });
const storedPayment = storedPosting(
  'pay',
  'P-PAY',
  [
    { target: lineTarget(GOV, YEAR, 'E1'), kind: 'line', deltas: { paid: 200 } },
    { target: docTarget(GOV, 'O1'), kind: 'order', deltas: { paid: 200 } },
  ],
  { fund: 'general', date: '2026-03-05', lines: [dr('2101', 200), cr('1101', 200)] },
);
const storedReceipt = storedPosting('receive', 'P-RC', [{ target: docTarget(GOV, 'P-RC'), kind: 'receipt', deltas: { amount: 200 } }], {
  fund: 'general',
  date: '2026-04-10',
  lines: [dr('1101', 200), cr('1103', 200)],
});
const storedOrder = storedPosting(
  'order',
  'O1',
  [
    { target: lineTarget(GOV, YEAR, 'E1'), kind: 'line', deltas: { ordered: 200 } },
    { target: docTarget(GOV, 'O1'), kind: 'order', deltas: { amount: 200 } },
  ],
  { fund: 'general', date: '2026-03-04', lines: [] },
);
const storedAssessment = storedPosting(
  'assess',
  'A1',
  [
    { target: lineTarget(GOV, YEAR, 'R1'), kind: 'line', deltas: { assessed: 900 } },
    { target: docTarget(GOV, 'A1'), kind: 'assessment', deltas: { amount: 900 } },
  ],
  { fund: 'general', date: '2026-04-01', lines: [dr('1103', 900), cr('4201', 900)] },
);

const refused = (status: number, code: string, context?: Record<string, unknown>): Judged => ({
  problem: { status, code, ...(context ? { context } : {}) },
});

const cases: Readonly<Record<PostingKind, readonly Case[]>> = {
  commit: [
    {
      name: 'reserves the amount on the line and creates the commitment; no journal line',
      message: commitPosting(300),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 200 })] },
      expected: { applied: { amount: 300, deltas: { line: { committed: 300 }, created: { amount: 300 } }, journal: [] } },
    },
    {
      name: 'refuses more than the allotment leaves',
      message: commitPosting(801),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 200 })] },
      expected: refused(422, 'committed-within-allotment', {
        rule: 'committed-within-allotment',
        item: 'line',
        committed: 200,
        allotted: 1_000,
        change: { committed: 801 },
      }),
    },
    {
      name: 'refuses a line without a final budget',
      message: commitPosting(1),
      books: {},
      expected: refused(422, 'unknown-line', { rule: 'unknown-line', lineId: 'E1', year: YEAR }),
    },
    {
      name: 'refuses a date outside the fiscal year',
      message: commitPosting(1, '2025-12-31'),
      books: { items: [expenditureLine({ allotted: 1_000 })] },
      expected: refused(422, 'wrong-year', { rule: '지방회계법 제6조제1항, 제7조', year: YEAR, date: '2025-12-31' }),
    },
    {
      name: 'refuses a closed day',
      message: commitPosting(1, '2026-03-31'),
      books: { items: [expenditureLine({ allotted: 1_000 })], closed: ['DAY#2026-03-31'] },
      expected: refused(422, 'period-closed', {
        rule: 'period-closed',
        year: YEAR,
        periodKind: 'day',
        period: '2026-03-31',
        date: '2026-03-31',
      }),
    },
  ],
  resolve: [
    {
      name: 'an 일상경비등 advance books 선급금, not the cost: Dr 1108 / Cr 미지급금 (회계기준규칙 제13조제3항)',
      message: posting({ kind: 'resolve', commitmentId: 'C1', amount: 200, date: '2026-03-03', advance: 'petty-cash', pettyCash }),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500 }), commitment({ amount: 500 })] },
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { resolved: 200 }, C1: { resolved: 200 }, created: { amount: 200 } },
          journal: [dr('1108', 200), cr('2101', 200)],
        },
      },
    },
    ...(
      [
        [
          '일상경비등 over its 교부한도: 여비 (회계령 §38①1, ②1) at most 1천만원',
          { advance: 'petty-cash', pettyCash: { item: 1, period: march } },
          10_000_001,
          refused(422, 'petty-cash-over-limit', { item: 1, limit: 10_000_000, amount: 10_000_001 }),
        ],
        [
          '일상경비등 for 공사 (§38①5, ②2) at most 2천만원',
          { advance: 'petty-cash', pettyCash: { item: 5, period: march } },
          20_000_001,
          refused(422, 'petty-cash-over-limit', { item: 5, limit: 20_000_000 }),
        ],
        [
          '일상경비등 for an item outside 회계령 §38①',
          { advance: 'petty-cash', pettyCash: { item: 16, period: march } },
          200,
          refused(422, 'petty-cash-item-not-listed', { item: 16 }),
        ],
        [
          '일상경비등 over one month (§39①)',
          { advance: 'petty-cash', pettyCash: { item: 2, period: { from: '2026-03-03', to: '2026-04-03' } } },
          200,
          refused(422, 'petty-cash-period-too-long', { item: 2, lastDay: '2026-04-02' }),
        ],
        [
          '일상경비등 without its item and period',
          { advance: 'petty-cash' },
          200,
          refused(422, 'advance-terms-mismatch', { advance: 'petty-cash', pettyCash: false }),
        ],
        [
          '개산급 without its 회계령 §45 case',
          { advance: 'estimate' },
          200,
          refused(422, 'advance-terms-mismatch', { advance: 'estimate', estimateCase: false }),
        ],
        [
          '개산급 for a case outside 회계령 §45',
          { advance: 'estimate', estimateCase: 7 },
          200,
          refused(422, 'estimate-case-not-listed', { case: 7 }),
        ],
        [
          "a cost resolution with an advance's terms",
          { estimateCase: 2 },
          200,
          refused(422, 'advance-terms-mismatch', { advance: 'none' }),
        ],
      ] as const
    ).map(([name, terms, amount, expected]) => ({
      name: `refuses ${name}`,
      message: posting({ kind: 'resolve', commitmentId: 'C1', amount, date: '2026-03-03', ...terms }),
      books: { items: [expenditureLine({ allotted: 30_000_000, committed: 30_000_000 }), commitment({ amount: 30_000_000 })] },
      expected,
    })),
    {
      name: 'books the expense against the commitment: Dr 5201 / Cr 미지급금',
      message: resolvePosting(200),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500 }), commitment({ amount: 500 })] },
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { resolved: 200 }, C1: { resolved: 200 }, created: { amount: 200 } },
          journal: [dr('5202', 200), cr('2101', 200)],
        },
      },
    },
    {
      name: 'refuses more than the commitment leaves (the document rule before the line rule)',
      message: resolvePosting(200),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500, resolved: 400 }), commitment({ amount: 500, resolved: 400 })] },
      expected: refused(422, 'resolution-within-commitment', {
        rule: 'resolution-within-commitment',
        item: 'commitment',
        resolved: 400,
        amount: 500,
      }),
    },
    {
      name: 'refuses a commitment that is not applied',
      message: resolvePosting(1),
      books: { items: [expenditureLine({ allotted: 1_000 })] },
      expected: refused(422, 'unknown-commitment', { rule: 'unknown-commitment', commitmentId: 'C1' }),
    },
    {
      name: "refuses another fiscal year's commitment",
      message: resolvePosting(1),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500 }), commitment({ amount: 500 }, { year: 2025 })] },
      expected: refused(422, 'wrong-year', { rule: 'wrong-year', year: YEAR, documentYear: 2025 }),
    },
  ],
  order: [
    {
      name: '지출원 check 1: refuses a resolution that rests on no applied commitment (시행령 제33조제1호)',
      message: orderPosting(200),
      books: { items: orderBooks().items.filter((item) => item.kind !== 'commitment') },
      expected: refused(422, 'order-without-commitment-papers', {
        rule: 'order-without-commitment-papers',
        article: '지방회계법 시행령 제33조제1호',
        commitmentId: 'C1',
      }),
    },
    {
      name: "지출원 check 2: refuses an order past the line's allotment (the allotment was cut after the commitment)",
      message: orderPosting(200),
      books: orderBooks({ allotted: 150, ordered: 0 }),
      expected: refused(422, 'order-within-allotment', {
        rule: 'order-within-allotment',
        article: '지방회계법 시행령 제33조제2호',
        lineId: 'E1',
        allotted: 150,
        ordered: 0,
        amount: 200,
      }),
    },
    {
      name: "지출원 check 2: refuses more than the month's cash leaves (지출한도액), before the bank is asked",
      message: orderPosting(200),
      books: {
        items: [...orderBooks().items.filter((item) => item.kind !== 'cash'), cashAllocation('2026-03', { allocated: 1_000, paid: 850 })],
      },
      expected: refused(422, 'order-within-cash-limit', {
        rule: 'order-within-cash-limit',
        article: '지방회계법 시행령 제33조제2호, 제32조',
        fund: 'general',
        month: '2026-03',
        allocated: 1_000,
        paid: 850,
        claimed: 850,
        amount: 200,
      }),
    },
    {
      name: "지출원 check 2: counts the orders the bank has not paid yet against the month's cash (claimed), not only what is paid",
      message: orderPosting(200),
      books: {
        items: [
          ...orderBooks().items.filter((item) => item.kind !== 'cash'),
          cashAllocation('2026-03', { allocated: 1_000, paid: 300, claimed: 801 }),
        ],
      },
      expected: refused(422, 'order-within-cash-limit', { allocated: 1_000, paid: 300, claimed: 801, amount: 200 }),
    },
    {
      name: "지출원 check 2: an order that fits what is left unclaimed takes it (the month's claimed grows by the order)",
      message: orderPosting(200),
      books: {
        items: [
          ...orderBooks().items.filter((item) => item.kind !== 'cash'),
          cashAllocation('2026-03', { allocated: 1_000, paid: 300, claimed: 800 }),
        ],
      },
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { ordered: 200 }, RS1: { ordered: 200 }, created: { amount: 200 }, cash: { claimed: 200 } },
          journal: [],
        },
      },
    },
    {
      name: '지출원 check 2: refuses a month with no cash allocated at all',
      message: orderPosting(200),
      books: { items: orderBooks().items.filter((item) => item.kind !== 'cash') },
      expected: refused(422, 'order-within-cash-limit', { allocated: 0, paid: 0, amount: 200 }),
    },
    {
      name: "지출원 check 3: refuses a payment that 회계령 제2조 puts in another year than the line's",
      message: orderPosting(200),
      books: {
        items: [
          ...orderBooks().items.filter((item) => item.kind !== 'commitment'),
          commitment({ amount: 500, resolved: 200 }, { attribution: 'claim-received-date', attributionDate: '2025-12-30' }),
        ],
      },
      expected: refused(422, 'order-outside-fiscal-year', {
        rule: 'order-outside-fiscal-year',
        article: '지방회계법 시행령 제33조제3호',
        source: '회계령 제2조제2항제5호',
        category: 'claim-received-date',
        year: YEAR,
        paymentYear: 2025,
        date: '2025-12-30',
      }),
    },
    {
      name: 'refuses withholdings above the gross amount: the net would be negative',
      message: withholdingOrder([
        { kind: 'income-tax', amount: 150 },
        { kind: 'local-income-tax', amount: 51 },
      ]),
      books: orderBooks(),
      expected: refused(422, 'withholding-exceeds-gross', { rule: 'withholding-exceeds-gross', gross: 200, withheld: 201 }),
    },
    {
      name: 'refuses a withholding kind given twice',
      message: withholdingOrder([
        { kind: 'income-tax', amount: 10 },
        { kind: 'income-tax', amount: 10 },
      ]),
      books: orderBooks(),
      expected: refused(422, 'withholding-kind-repeated', { kind: 'income-tax' }),
    },
    {
      name: 'orders the gross with withholdings up to it: the line is executed for the gross',
      message: withholdingOrder([{ kind: 'income-tax', amount: 200 }]),
      books: orderBooks(),
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { ordered: 200 }, RS1: { ordered: 200 }, created: { amount: 200 }, cash: { claimed: 200 } },
          journal: [],
        },
      },
    },
    {
      name: 'orders the payment of a resolution; no journal line',
      message: orderPosting(200),
      books: orderBooks(),
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { ordered: 200 }, RS1: { ordered: 200 }, created: { amount: 200 }, cash: { claimed: 200 } },
          journal: [],
        },
      },
    },
    {
      name: 'refuses the official who made the commitment (403)',
      message: orderPosting(200, 'fo-kim'),
      books: orderBooks(),
      expected: refused(403, 'segregation-of-duties', { rule: 'segregation-of-duties', commitmentId: 'C1' }),
    },
    {
      name: 'refuses more than the resolution',
      message: orderPosting(201),
      books: orderBooks({ resolved: 500 }),
      expected: refused(422, 'order-within-resolution', { rule: 'order-within-resolution', item: 'resolution', ordered: 0, amount: 200 }),
    },
  ],
  pay: [
    {
      name: "pays what the order owes from the month's cash: Dr 미지급금 / Cr 현금",
      message: payPosting(),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200 }),
          order({ amount: 200 }),
          commitment({ amount: 500, resolved: 200 }),
          cashAllocation('2026-03', { allocated: 1_000 }),
        ],
      },
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { paid: 200 }, O1: { paid: 200 }, C1: { paid: 200 }, cash: { paid: 200 } },
          journal: [dr('2101', 200), cr('1101', 200)],
        },
      },
    },
    {
      name: '원천징수: the gross executes the line, the net leaves the cash, each kind withheld is held as 세입세출외현금 (Cr 예수금)',
      message: payPosting(),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200 }),
          orderWithholding(),
          commitment({ amount: 500, resolved: 200 }),
          cashAllocation('2026-03', { allocated: 1_000 }),
          custody('WH-2026-03-income-tax', { deposited: 1_000 }),
        ],
      },
      expected: {
        applied: {
          amount: 200,
          deltas: {
            line: { paid: 200 },
            O1: { paid: 200 },
            C1: { paid: 200 },
            cash: { paid: 200 },
            'WH-2026-03-income-tax': { deposited: 40 },
            'WH-2026-03-local-income-tax': { deposited: 4 },
          },
          journal: [dr('2101', 200), cr('1101', 156), cr('2102', 44)],
        },
      },
    },
    {
      name: 'refuses an order paid already',
      message: payPosting(),
      books: { items: [expenditureLine({ allotted: 1_000 }), order({ amount: 200, paid: 200 })] },
      expected: refused(422, 'order-already-paid', { rule: 'order-already-paid', orderId: 'O1' }),
    },
    {
      name: 'refuses a month without a cash allocation',
      message: payPosting(),
      books: { items: [expenditureLine({ allotted: 1_000, ordered: 200 }), order({ amount: 200 }), commitment({ amount: 500 })] },
      expected: refused(422, 'paid-within-cash-allocation', {
        rule: 'paid-within-cash-allocation',
        fund: 'general',
        month: '2026-03',
        allocated: 0,
        paid: 0,
        change: { paid: 200 },
      }),
    },
    {
      name: 'refuses more than the cash allocated',
      message: payPosting(),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200 }),
          order({ amount: 200 }),
          commitment({ amount: 500, resolved: 200 }),
          cashAllocation('2026-03', { allocated: 150, paid: 0 }),
        ],
      },
      expected: refused(422, 'paid-within-cash-allocation', { rule: 'paid-within-cash-allocation', item: 'cash', paid: 0, allocated: 150 }),
    },
    {
      name: "an order given in February and paid in March: the claim leaves February's cash and is paid from March's",
      message: payPosting(),
      books: februaryOrderBooks({ allocated: 1_000, paid: 100, claimed: 300 }),
      expected: {
        applied: {
          amount: 200,
          deltas: {
            line: { paid: 200 },
            O1: { paid: 200 },
            C1: { paid: 200 },
            'cash 2026-02': { claimed: -200 },
            cash: { paid: 200, claimed: 200 },
          },
          journal: [dr('2101', 200), cr('1101', 200)],
        },
      },
    },
    {
      name: "an order given in February cannot be paid from March's cash that March's own orders claim already",
      message: payPosting(),
      books: februaryOrderBooks({ allocated: 1_000, paid: 100, claimed: 900 }),
      expected: refused(422, 'order-within-cash-limit', { rule: 'order-within-cash-limit', item: 'cash', claimed: 900, allocated: 1_000 }),
    },
    {
      name: 'an order given before claims were counted (no cashMonth) claims on payment what it pays',
      message: payPosting(),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200 }),
          documentItem('order', 'O1', { lineId: 'E1', commitmentId: 'C1', resolutionId: 'RS1' }, { amount: 200 }),
          commitment({ amount: 500, resolved: 200 }),
          cashAllocation('2026-03', { allocated: 1_000 }),
        ],
      },
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { paid: 200 }, O1: { paid: 200 }, C1: { paid: 200 }, cash: { paid: 200, claimed: 200 } },
          journal: [dr('2101', 200), cr('1101', 200)],
        },
      },
    },
  ],
  return: [
    {
      name: 'before 출납 폐쇄 goes back to the same line: paid and committed down, budget back; Dr 현금 / Cr the expense',
      message: returnPosting(80),
      books: { items: [paidLine(), order({ amount: 200, paid: 200 })] },
      expected: restoredOnTheLine,
    },
    {
      name: 'of an advance: what the 정산 left unspent comes back, Dr 현금 / Cr 선급금, the line restored',
      message: returnPosting(50),
      books: { items: [paidLine(), advanceOrder({ settled: 150, cleared: 150 })] },
      expected: {
        applied: {
          amount: 50,
          deltas: { line: { committed: -50, resolved: -50, ordered: -50, paid: -50, returned: 50 }, O1: { returned: 50, cleared: 50 } },
          journal: [dr('1101', 50), cr('1108', 50)],
        },
      },
    },
    {
      name: 'of an advance: never more than the 정산 left',
      message: returnPosting(51),
      books: { items: [paidLine(), advanceOrder({ settled: 150, cleared: 150 })] },
      expected: refused(422, 'settlement-within-advance', { rule: 'settlement-within-advance', item: 'order', cleared: 150, paid: 200 }),
    },
    {
      name: 'names the 일상경비등 exception (지방회계법 제7조제2항) only on an 일상경비등 advance',
      message: posting({ kind: 'return', orderId: 'O1', amount: 50, date: '2026-03-20', reason: 'r', exceptionCode: 'petty-cash-return' }),
      books: { items: [paidLine(), order({ amount: 200, paid: 200 })] },
      expected: refused(422, 'exception-not-applicable', { exceptionCode: 'petty-cash-return', orderId: 'O1' }),
    },
    {
      name: 'refuses more than the order paid, counting what came back before',
      message: returnPosting(80),
      books: { items: [paidLine(), order({ amount: 200, paid: 200, returned: 150 })] },
      expected: refused(422, 'return-within-paid', { rule: 'return-within-paid', item: 'order', returned: 150, paid: 200 }),
    },
    {
      name: 'refuses a return on an order the bank has not paid',
      message: returnPosting(1),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 200, resolved: 200, ordered: 200 }), order({ amount: 200 })] },
      expected: refused(422, 'return-within-paid', { rule: 'return-within-paid', item: 'order', paid: 0 }),
    },
    {
      name: "of a closed year's payment: current-year revenue on the named line, the old line untouched",
      message: returnPosting(80, { revenueLineId: 'R1' }),
      books: { items: [revenueLine({}), in2025(order({ amount: 200, paid: 200 }))] },
      expected: {
        applied: {
          amount: 80,
          deltas: { line: { received: 80 }, O1: { returned: 80 } },
          journal: [dr('1101', 80), cr('4202', 80)],
        },
      },
    },
    {
      name: "of a closed year's payment without a revenue line: refused, naming 제27조제1항",
      message: returnPosting(80),
      books: { items: [in2025(order({ amount: 200, paid: 200 }))] },
      expected: refused(422, 'return-revenue-line-required', { orderId: 'O1', orderYear: 2025, year: 2026 }),
    },
    {
      name: 'until 20 January under a listed exception (지방보조금 정산반납) still goes back to the line',
      message: returnInWindow('local-subsidy-settlement-return'),
      books: { items: [in2025(paidLine()), in2025(order({ amount: 200, paid: 200 }))] },
      expected: restoredOnTheLine,
    },
    {
      name: 'after 31 December without a listed exception: refused to the old year (post it as revenue of the new one)',
      message: returnInWindow(),
      books: { items: [in2025(paidLine()), in2025(order({ amount: 200, paid: 200 }))] },
      expected: refused(422, 'cash-books-closed', { window: 'exception-window', kind: 'return' }),
    },
  ],
  settle: [
    {
      name: 'settles the proven cost at the 증빙 date: Dr the expense / Cr 선급금; no line counter moves',
      message: settlePosting(150),
      books: { items: [paidLine(), advanceOrder()] },
      expected: { applied: { amount: 150, deltas: { O1: { settled: 150, cleared: 150 } }, journal: [dr('5202', 150), cr('1108', 150)] } },
    },
    {
      name: 'refuses more than the bank paid less what was settled or returned',
      message: settlePosting(60),
      books: { items: [paidLine(), advanceOrder({ settled: 100, returned: 50, cleared: 150 })] },
      expected: refused(422, 'settlement-within-advance', { rule: 'settlement-within-advance', item: 'order', cleared: 150, paid: 200 }),
    },
    {
      name: 'counts what the order settled since acceptance against the record naming it (a settlement queued before)',
      message: { ...settlePosting(60), advanceRecord: { advanceId: 'PC-1', spent: 150 } },
      books: { items: [paidLine(), advanceOrder({ settled: 100, cleared: 100 })] },
      expected: refused(422, 'settlement-exceeds-record', { orderId: 'O1', advanceId: 'PC-1', spent: 150, settled: 100, requested: 60 }),
    },
    {
      name: 'settles within the record naming the order',
      message: { ...settlePosting(50), advanceRecord: { advanceId: 'PC-1', spent: 150 } },
      books: { items: [paidLine(), advanceOrder({ settled: 100, cleared: 100 })] },
      expected: { applied: { amount: 50, deltas: { O1: { settled: 50, cleared: 50 } }, journal: [dr('5202', 50), cr('1108', 50)] } },
    },
    {
      name: 'refuses an advance the bank has not paid yet',
      message: settlePosting(1),
      books: { items: [paidLine(), advanceOrder({ paid: 0 })] },
      expected: refused(422, 'settlement-within-advance', { rule: 'settlement-within-advance', item: 'order', cleared: 0, paid: 0 }),
    },
    {
      name: 'refuses an order that paid a cost, not an advance',
      message: settlePosting(1),
      books: { items: [paidLine(), order({ amount: 200, paid: 200 })] },
      expected: refused(422, 'settlement-not-an-advance', { orderId: 'O1' }),
    },
  ],
  withdraw: [
    {
      name: 'remits what was withheld: Dr 예수금 / Cr 현금, the record pays out',
      message: withdrawPosting(40),
      books: { items: [custody('WH-2026-03-income-tax', { deposited: 40 })] },
      expected: {
        applied: { amount: 40, deltas: { 'WH-2026-03-income-tax': { released: 40 } }, journal: [dr('2102', 40), cr('1101', 40)] },
      },
    },
    {
      name: 'refuses more than the record holds (never spent beyond the depositor’s balance)',
      message: withdrawPosting(41),
      books: { items: [custody('WH-2026-03-income-tax', { deposited: 50, released: 10 })] },
      expected: refused(422, 'release-within-deposit', { rule: 'release-within-deposit', item: 'custody', released: 10, deposited: 50 }),
    },
    {
      name: 'returns a 보증금 to its depositor: Dr 장기예수보증금 / Cr 현금',
      message: withdrawPosting(300, 'GD-00001', 'return', '2026-11-02'),
      books: { items: [guarantee({ deposited: 300 })] },
      expected: { applied: { amount: 300, deltas: { 'GD-00001': { released: 300 } }, journal: [dr('2302', 300), cr('1101', 300)] } },
    },
    {
      name: 'pays the repair from a 하자보수보증금 (the one use the law allows)',
      message: withdrawPosting(90, 'GD-00001', 'defect-repair', '2026-10-01'),
      books: { items: [guarantee({ deposited: 300 })] },
      expected: { applied: { amount: 90, deltas: { 'GD-00001': { released: 90 } }, journal: [dr('2302', 90), cr('1101', 90)] } },
    },
    {
      name: 'refuses a repair paid from a 계약보증금',
      message: withdrawPosting(90, 'GD-00001', 'defect-repair', '2026-10-01'),
      books: { items: [guarantee({ deposited: 300 }, 'contract-guarantee')] },
      expected: refused(422, 'custody-purpose-not-allowed', { purpose: 'defect-repair', kind: 'contract-guarantee' }),
    },
    {
      name: 'refuses to "return" what was withheld (it is remitted)',
      message: withdrawPosting(10, 'WH-2026-03-income-tax', 'return', '2026-04-10'),
      books: { items: [custody('WH-2026-03-income-tax', { deposited: 40 })] },
      expected: refused(422, 'custody-purpose-not-allowed', { purpose: 'return', book: 'withholding' }),
    },
    {
      name: 'refuses a record that does not exist',
      message: withdrawPosting(1, 'WH-2026-03-health-insurance'),
      books: {},
      expected: refused(422, 'unknown-custody', { custodyId: 'WH-2026-03-health-insurance' }),
    },
  ],
  deposit: [
    {
      name: 'a first 하자보수보증금 creates its record: Dr 현금 / Cr 장기예수보증금',
      message: depositPosting(300),
      books: {},
      expected: { applied: { amount: 300, deltas: { 'GD-00001': { deposited: 300 } }, journal: [dr('1101', 300), cr('2302', 300)] } },
    },
    {
      name: 'a 입찰보증금 is held in 예수금',
      message: depositPosting(50, { guaranteeKind: 'bid-guarantee' }),
      books: {},
      expected: { applied: { amount: 50, deltas: { 'GD-00001': { deposited: 50 } }, journal: [dr('1101', 50), cr('2102', 50)] } },
    },
    {
      name: 'adds to the record of the same kind and depositor',
      message: depositPosting(100),
      books: { items: [guarantee({ deposited: 300 })] },
      expected: { applied: { amount: 100, deltas: { 'GD-00001': { deposited: 100 } }, journal: [dr('1101', 100), cr('2302', 100)] } },
    },
    {
      name: 'refuses to add another depositor’s money to the record',
      message: depositPosting(100, { depositor: '(주)다라' }),
      books: { items: [guarantee({ deposited: 300 })] },
      expected: refused(422, 'custody-record-mismatch', { custodyId: 'GD-00001', asked: { depositor: '(주)다라' } }),
    },
  ],
  forfeit: [
    {
      name: 'takes a forfeited 보증금 into 세입: Dr 장기예수보증금 / Cr revenue, no cash line',
      message: forfeitPosting(120),
      books: { items: [guarantee({ deposited: 300 }), revenueLine({})] },
      expected: {
        applied: {
          amount: 120,
          deltas: { 'GD-00001': { released: 120, forfeited: 120 }, line: { received: 120 } },
          journal: [dr('2302', 120), cr('4202', 120)],
        },
      },
    },
    {
      name: 'never more than the record still holds',
      message: forfeitPosting(201),
      books: { items: [guarantee({ deposited: 300, released: 100 }), revenueLine({})] },
      expected: refused(422, 'release-within-deposit', { rule: 'release-within-deposit', item: 'custody', released: 100, deposited: 300 }),
    },
    {
      name: 'never what was withheld for others (only a 보증금 is forfeited)',
      message: forfeitPosting(10, 'WH-2026-03-income-tax'),
      books: { items: [custody('WH-2026-03-income-tax', { deposited: 40 }), revenueLine({})] },
      expected: refused(422, 'custody-purpose-not-allowed', { purpose: 'forfeiture', book: 'withholding' }),
    },
    {
      name: 'only into the 회계 that holds the record',
      message: forfeitPosting(10),
      books: { items: [guarantee({ deposited: 300 }, 'contract-guarantee', 'water'), revenueLine({})] },
      expected: refused(422, 'forfeiture-fund-mismatch', { custodyFund: 'water', lineFund: 'general' }),
    },
  ],
  cancel: [
    {
      name: 'releases the unresolved rest back to the allotment; no journal line',
      message: cancelPosting(),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500, resolved: 200 }), commitment({ amount: 500, resolved: 200 })] },
      expected: { applied: { amount: 300, deltas: { line: { committed: -300 }, C1: { amount: -300, cancelled: 1 } }, journal: [] } },
    },
    {
      name: 'refuses a commitment with payments',
      message: cancelPosting(),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500 }), commitment({ amount: 500, resolved: 200, paid: 100 })] },
      expected: refused(422, 'commitment-has-payments', { rule: 'commitment-has-payments', paid: 100 }),
    },
    {
      name: 'refuses a commitment cancelled already',
      message: cancelPosting(),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 200 }), commitment({ amount: 200, resolved: 0, cancelled: 1 })] },
      expected: refused(422, 'commitment-already-cancelled', { rule: 'commitment-already-cancelled' }),
    },
    {
      name: 'refuses a fully resolved commitment',
      message: cancelPosting(),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 500, resolved: 500 }), commitment({ amount: 500, resolved: 500 })] },
      expected: refused(422, 'nothing-to-release', { rule: 'nothing-to-release', amount: 500, resolved: 500 }),
    },
  ],
  reduce: [
    {
      name: 'releases part of a paid commitment back to the allotment; payments stay; no journal line',
      message: reducePosting(250),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200, paid: 200 }),
          commitment({ amount: 500, resolved: 200, paid: 200 }),
        ],
      },
      expected: { applied: { amount: 250, deltas: { line: { committed: -250 }, C1: { amount: -250, reduced: 250 } }, journal: [] } },
    },
    {
      name: 'releases exactly the unresolved rest (amount − resolved)',
      message: reducePosting(300),
      books: {
        items: [expenditureLine({ allotted: 1_000, committed: 500, resolved: 200 }), commitment({ amount: 500, resolved: 200, paid: 100 })],
      },
      expected: { applied: { amount: 300, deltas: { line: { committed: -300 }, C1: { amount: -300, reduced: 300 } }, journal: [] } },
    },
    {
      name: 'refuses more than is neither resolved nor released',
      message: reducePosting(301),
      books: {
        items: [expenditureLine({ allotted: 1_000, committed: 500, resolved: 200 }), commitment({ amount: 500, resolved: 200, paid: 100 })],
      },
      expected: refused(422, 'reduction-within-unresolved', {
        rule: 'reduction-within-unresolved',
        requested: 301,
        available: 300,
        numbers: { amount: 500, resolved: 200 },
      }),
    },
    {
      name: 'refuses a cancelled commitment',
      message: reducePosting(1),
      books: { items: [expenditureLine({ allotted: 1_000, committed: 200 }), commitment({ amount: 200, cancelled: 1 })] },
      expected: refused(422, 'commitment-already-cancelled', { rule: 'commitment-already-cancelled' }),
    },
  ],
  assess: [
    {
      name: 'books the receivable and the revenue: Dr 미수세외수입금 / Cr 세외수익',
      message: assessPosting(1_000),
      books: { items: [revenueLine({})] },
      expected: {
        applied: {
          amount: 1_000,
          deltas: { line: { assessed: 1_000 }, created: { amount: 1_000 }, collector: { assessed: 1_000 } },
          journal: [dr('1105', 1_000), cr('4202', 1_000)],
        },
      },
    },
    {
      name: "adds to its 징수관's receivables on the line once they exist (collector-receivables.ts)",
      message: assessPosting(1_000),
      books: { items: [revenueLine({}), roChoiOnR1({ assessed: 500 })] },
      expected: {
        applied: {
          amount: 1_000,
          deltas: { line: { assessed: 1_000 }, created: { amount: 1_000 }, collector: { assessed: 1_000 } },
          journal: [dr('1105', 1_000), cr('4202', 1_000)],
        },
      },
    },
    {
      name: 'refuses an expenditure line',
      message: assessPosting(1_000, 'E1'),
      books: { items: [expenditureLine({ allotted: 1_000 })] },
      expected: refused(422, 'wrong-line-kind', { rule: 'wrong-line-kind', lineId: 'E1', expected: 'revenue' }),
    },
  ],
  notice: [
    {
      name: 'counts the notice; no money, no journal line',
      message: noticePosting(),
      books: { items: [revenueLine({ assessed: 1_000 }), assessment({ amount: 1_000 })] },
      expected: { applied: { amount: 0, deltas: { A1: { notices: 1 } }, journal: [] } },
    },
    {
      name: 'refuses an assessment that is not applied',
      message: noticePosting(),
      books: { items: [revenueLine({})] },
      expected: refused(422, 'unknown-assessment', { rule: 'unknown-assessment', assessmentId: 'A1' }),
    },
  ],
  receive: [
    {
      name: 'credits the receivable up to what is outstanding: Dr 현금 / Cr 미수세외수입금',
      message: receivePosting(500),
      books: { items: [revenueLine({ assessed: 1_000, received: 300 }), assessment({ amount: 1_000, received: 300 })] },
      expected: {
        applied: {
          amount: 500,
          deltas: { line: { received: 500 }, A1: { received: 500 }, created: { amount: 500, overpaid: 0 } },
          journal: [dr('1101', 500), cr('1105', 500)],
        },
      },
    },
    {
      name: 'owes an over-payment back: Cr 미지급환급금 for what exceeds the outstanding amount',
      message: receivePosting(900),
      books: { items: [revenueLine({ assessed: 1_000, received: 300 }), assessment({ amount: 1_000, received: 300 })] },
      expected: {
        applied: {
          amount: 900,
          deltas: { line: { received: 900 }, A1: { received: 900 }, created: { amount: 900, overpaid: 200 } },
          journal: [dr('1101', 900), cr('1105', 700), cr('2107', 200)],
        },
      },
    },
    {
      name: "lowers its 징수관's 미수납 by what settled the receivable, not by the over-payment",
      message: receivePosting(900),
      books: {
        items: [
          revenueLine({ assessed: 1_000, received: 300 }),
          documentItem('assessment', 'A1', { lineId: 'R1', collector: 'ro-choi' }, { amount: 1_000, received: 300 }),
          roChoiOnR1({ assessed: 1_000, received: 300 }),
        ],
      },
      expected: {
        applied: {
          amount: 900,
          deltas: { line: { received: 900 }, A1: { received: 900 }, created: { amount: 900, overpaid: 200 }, collector: { received: 700 } },
          journal: [dr('1101', 900), cr('1105', 700), cr('2107', 200)],
        },
      },
    },
    {
      name: 'refuses a document that is not an assessment',
      message: receivePosting(10, 'C1'),
      books: { items: [revenueLine({}), documentItem('commitment', 'C1', { lineId: 'E1' }, { amount: 10 })] },
      expected: refused(422, 'unknown-assessment', { rule: 'unknown-assessment', assessmentId: 'C1' }),
    },
  ],
  refund: [
    {
      name: 'refunds the over-payment first, then revenue: Dr 과오납금, Dr 세외수익 / Cr 현금',
      message: refundPosting(300),
      books: { items: [revenueLine({ assessed: 700, received: 900 }), receipt({ amount: 900, overpaid: 200 })] },
      expected: {
        applied: {
          amount: 300,
          deltas: { line: { refunded: 300 }, RC1: { refunded: 300 } },
          journal: [dr('2107', 200), dr('4202', 100), cr('1101', 300)],
        },
      },
    },
    {
      name: 'refuses more than the receipt (the document rule before the line rule)',
      message: refundPosting(901),
      books: { items: [revenueLine({ assessed: 700, received: 900 }), receipt({ amount: 900, overpaid: 200 })] },
      expected: refused(422, 'refund-within-receipt', { rule: 'refund-within-receipt', item: 'receipt', refunded: 0, amount: 900 }),
    },
    ...priorYearRefundCases,
  ],
  correct: [
    {
      name: "negates the original's effects and swaps its journal lines, on the correction's date",
      message: correctPosting(),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200 }),
          commitment({ amount: 500, resolved: 200 }),
          resolutionDocument(0),
        ],
        results: [storedResolution()],
      },
      expected: {
        applied: {
          amount: 200,
          deltas: { line: { resolved: -200 }, C1: { resolved: -200 }, 'P-RS': { amount: -200 } },
          journal: [cr('5202', 200), dr('2101', 200)],
        },
      },
    },
    {
      name: 'refuses to reverse a resolution that was ordered (the same counter rules decide)',
      message: correctPosting(),
      books: {
        items: [
          expenditureLine({ allotted: 1_000, committed: 500, resolved: 200, ordered: 200 }),
          commitment({ amount: 500, resolved: 200 }),
          resolutionDocument(200),
        ],
        results: [storedResolution()],
      },
      expected: refused(422, 'order-within-resolution', { rule: 'order-within-resolution', item: 'resolution', ordered: 200, amount: 200 }),
    },
    {
      name: 'refuses a posting that was not applied',
      message: correctPosting(),
      books: { items: [expenditureLine({ allotted: 1_000 })] },
      expected: refused(422, 'original-not-applied', { rule: 'original-not-applied', originalPostingId: 'P-RS' }),
    },
    {
      name: 'refuses a correction of a correction',
      message: correctPosting(),
      books: { items: [expenditureLine({ allotted: 1_000 })], results: [storedResolution({ kind: 'correct', reverses: 'P-X' })] },
      expected: refused(422, 'cannot-correct-a-correction', { rule: 'cannot-correct-a-correction' }),
    },
    {
      name: "refuses another fiscal year's posting",
      message: correctPosting(),
      books: { items: [expenditureLine({ allotted: 1_000 })], results: [storedResolution({ year: 2025 })] },
      expected: refused(422, 'wrong-year', { rule: 'wrong-year', year: YEAR, originalYear: 2025 }),
    },
    {
      name: 'refuses a posting corrected already',
      message: correctPosting(),
      books: { items: [expenditureLine({ allotted: 1_000 })], results: [storedResolution()], reversed: ['P-RS'] },
      expected: refused(422, 'already-corrected', { rule: 'already-corrected' }),
    },
    {
      name: 'refuses a payment the treasury bank confirmed, whoever asks: its money comes back by 반납',
      message: correctingAs('revenue_officer', 'P-PAY'),
      books: { items: [expenditureLine({ allotted: 1_000, paid: 200 })], results: [storedPayment] },
      expected: refused(422, 'bank-confirmed', { rule: 'bank-confirmed', originalPostingId: 'P-PAY', originalKind: 'pay' }),
    },
    {
      name: 'refuses a 반납 the treasury bank confirmed: money returned in error goes out again by a payment order',
      message: correctingAs('disbursing_officer', 'P-RET'),
      books: {
        items: [expenditureLine({ allotted: 1_000 })],
        results: [
          storedPosting('return', 'P-RET', [{ target: docTarget(GOV, 'O1'), kind: 'order', deltas: { returned: 80 } }], {
            fund: 'general',
            date: '2026-03-20',
            lines: [dr('1101', 80), cr('5202', 80)],
          }),
        ],
      },
      expected: refused(422, 'bank-confirmed', { rule: 'bank-confirmed', originalPostingId: 'P-RET', originalKind: 'return' }),
    },
    {
      name: 'refuses a receipt: its money goes back by 과오납 환급',
      message: correctingAs('revenue_officer', 'P-RC'),
      books: { items: [revenueLine({ received: 200 })], results: [storedReceipt] },
      expected: refused(422, 'bank-confirmed', { rule: 'bank-confirmed', originalKind: 'receive' }),
    },
    {
      name: 'refuses a payment order the bank has paid, even to the disbursing officer',
      message: correctingAs('disbursing_officer', 'O1'),
      books: {
        items: [expenditureLine({ allotted: 1_000, ordered: 200, paid: 200 }), order({ amount: 200, paid: 200 })],
        results: [storedOrder],
      },
      expected: refused(422, 'bank-confirmed', { rule: 'bank-confirmed', originalKind: 'order', paid: 200, received: 0 }),
    },
    {
      name: 'refuses an assessment with money received against it',
      message: correctingAs('revenue_officer', 'A1'),
      books: {
        items: [revenueLine({ assessed: 900, received: 100 }), assessment({ amount: 900, received: 100 })],
        results: [storedAssessment],
      },
      expected: refused(422, 'bank-confirmed', { rule: 'bank-confirmed', originalKind: 'assess', paid: 0, received: 100 }),
    },
    {
      name: 'refuses a role that may not make the original kind (403)',
      message: correctingAs('revenue_officer', 'O1'),
      books: { items: [expenditureLine({ allotted: 1_000, ordered: 200 }), order({ amount: 200 })], results: [storedOrder] },
      expected: refused(403, 'correction-role-not-permitted', {
        rule: 'correction-role-not-permitted',
        originalKind: 'order',
        role: 'revenue_officer',
        permitted: ['disbursing_officer'],
      }),
    },
    {
      name: 'lets the role that makes the kind correct an unpaid payment order',
      message: correctingAs('disbursing_officer', 'O1'),
      books: {
        items: [expenditureLine({ allotted: 1_000, resolved: 200, ordered: 200 }), order({ amount: 200 })],
        results: [storedOrder],
      },
      expected: { applied: { amount: 200, deltas: { line: { ordered: -200 }, O1: { amount: -200 } }, journal: [] } },
    },
  ],
  ...yearTwoCases,
};

describe('posting rules, one table per kind', () => {
  it('covers every posting kind the rule table knows', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(postingRules).sort());
  });

  for (const [kind, table] of Object.entries(cases)) {
    describe(kind, () => {
      it.each(table.map((c) => [c.name, c] as const))('%s', (_name, { message, books, expected }) => {
        const judged = judge(message, books);
        if ('applied' in expected) {
          expect('applied' in judged ? judged.applied : judged).toEqual(expected.applied);
        } else {
          expect('problem' in judged ? judged.problem : judged).toMatchObject(expected.problem);
        }
      });
    });
  }

  it("dates a correction's journal on the correction and names the original it reverses", () => {
    const judged = judge(correctPosting(), {
      items: [
        expenditureLine({ allotted: 1_000, committed: 500, resolved: 200 }),
        commitment({ amount: 500, resolved: 200 }),
        resolutionDocument(0),
      ],
      results: [storedResolution()],
    });
    expect(judged).toMatchObject({ date: '2026-03-12', reverses: 'P-RS' });
  });
});
