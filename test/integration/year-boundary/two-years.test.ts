import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as routes from '#shared/routes/execution.ts';
import { recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { getClosingStatus, recordCarryOver, requestClosing } from '#shared/routes/settlement.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';
import { openingKey } from '#shared/stores/settlement/keys.ts';
import { lineControlKey, programControlKey } from '#shared/stores/budget/control-keys.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { archivedFile, archivedReport } from '#test/integration/accounting/support.ts';
import { callers, FUND, GOV } from '#test/integration/execution/support.ts';
import { drainSettlementQueue, seedFinalProvisions } from '#test/integration/settlement/fixture.ts';
import { applied, businessClock, posted, readItem, seedYearCash, seedYearLine } from '#test/integration/year-boundary/support.ts';

/**
 * Two fiscal years through the handlers (issue #15): 2026 with a payable left unpaid, a receivable
 * left uncollected, a 사고이월 and a 명시이월; a payment under an exception in January; completion
 * work on 10 February; the year-end closing on 11 February; then 2027 collecting 2026's receivable as
 * 과년도 수입, writing the rest off (불납결손), and paying 2026's fixed debts as 과년도 지출 — one
 * within its 정책사업's 불용액 and one beyond it; then 2027's own year-end after its 출납정리 (10 Feb 2028), and
 * both years' archived 재정상태표, 재정운영표, 현금흐름표 and 세입세출결산 against hand figures. Every
 * figure is computed by hand in the comments.
 */
const chief: TestCaller = { sub: 'chief-11000', roles: ['chief_accountant'], gov: GOV };
const clock = businessClock();
const on = clock.on;
const read = readItem;
/**
 * 2026's expenditure lines by their structured ids (line-id.ts: E.{회계}.{정책사업}.{단위사업}.{세부사업}.{통계목}):
 * E1 and E3 are two 세부사업 of 정책사업 P01, whose 불용액 is one cap for 과년도 지출 (지방회계법 제37조); E4 is P02.
 */
const E1 = `E.${FUND}.P01.U01.D001.201-01`;
const E3 = `E.${FUND}.P01.U01.D002.201-01`;
const E4 = `E.${FUND}.P02.U01.D001.201-01`;

const ids = { c1: '', r1: '', o1: '', c2: '', c3: '', c5: '', r5: '', o5: '', a1: '', o1b: '', c7: '' };

beforeAll(async () => {
  await useTestStack();
  // 2026: an expenditure line (201-01), a second one of the same 통계목 with a 명시이월, a revenue line (세외수입 2-1).
  await seedYearLine(2026, { lineId: E1, budget: 750_000 });
  await seedYearLine(2026, { lineId: E3, budget: 200_000 });
  await seedYearLine(2026, { lineId: E4, budget: 300_000 });
  await seedYearLine(2026, { lineId: 'R1', kind: 'revenue', budget: 500_000 });
  // R0: a 세외수입 collected in full, so that the year has cash of its own.
  await seedYearLine(2026, { lineId: 'R0', kind: 'revenue', budget: 1_000_000 });
  // The council approved E3's 명시이월 (지방재정법 제50조①) with the 2026 budget.
  await seedFinalProvisions(GOV, 2026, {
    explicitCarryOvers: [
      { lineId: E3, amount: 100_000, reason: '공기 연장 예상' },
      { lineId: E4, amount: 200_000, reason: '연도를 넘는 설계용역' },
    ],
  });
  await seedYearCash(2026, '2026-12', 2_000_000);
  // Cash of 2026 paid in January under an exception is allocated to 2026's January month.
  await seedYearCash(2026, '2027-01', 500_000);
  // 2027: the same purposes, and the cash of March.
  await seedYearLine(2027, { lineId: 'E2', budget: 1_000_000 });
  await seedYearLine(2027, { lineId: 'R2', kind: 'revenue', budget: 400_000 });
  await seedYearCash(2027, '2027-03', 1_000_000);
});
afterAll(() => clock.restore());

describe('two fiscal years across the boundary', () => {
  it('2026: execution leaves a payable, a receivable, a 사고이월 and two 명시이월 (one carrying its commitment)', async () => {
    on('2026-12-20T10:00:00+09:00');
    const { financeOfficer: fo, disbursingOfficer: dob, bank, revenueOfficer: ro } = callers;
    // C1: 600,000 committed and resolved on E1; 400,000 paid in December.
    ids.c1 = await applied(
      routes.createCommitment,
      fo,
      2026,
      {},
      { lineId: E1, amount: 600_000, counterparty: '111-11-11111', contractRef: 'C-1', date: '2026-12-01' },
    );
    ids.r1 = await applied(routes.resolvePayment, fo, 2026, { commitmentId: ids.c1 }, { amount: 600_000, date: '2026-12-02' });
    ids.o1 = await applied(routes.orderPayment, dob, 2026, { resolutionId: ids.r1 }, { amount: 400_000, date: '2026-12-03' });
    await applied(routes.confirmPayment, bank, 2026, { orderId: ids.o1 }, { date: '2026-12-03' });
    // C2: 100,000 committed on E1, not resolved by 31 Dec: carried over as 사고이월.
    ids.c2 = await applied(
      routes.createCommitment,
      fo,
      2026,
      {},
      { lineId: E1, amount: 100_000, counterparty: '222-22-22222', contractRef: 'C-2', date: '2026-12-04' },
    );
    // C3: 50,000 committed on E1, to be cancelled as completion work on 10 Feb.
    ids.c3 = await applied(
      routes.createCommitment,
      fo,
      2026,
      {},
      { lineId: E1, amount: 50_000, counterparty: '333-33-33333', contractRef: 'C-3', date: '2026-12-05' },
    );
    // C5: 200,000 committed and resolved on E3, 50,000 paid; 100,000 of E3 carried as 명시이월.
    ids.c5 = await applied(
      routes.createCommitment,
      fo,
      2026,
      {},
      { lineId: E3, amount: 200_000, counterparty: '555-55-55555', contractRef: 'C-5', date: '2026-12-06' },
    );
    ids.r5 = await applied(routes.resolvePayment, fo, 2026, { commitmentId: ids.c5 }, { amount: 200_000, date: '2026-12-07' });
    ids.o5 = await applied(routes.orderPayment, dob, 2026, { resolutionId: ids.r5 }, { amount: 50_000, date: '2026-12-08' });
    await applied(routes.confirmPayment, bank, 2026, { orderId: ids.o5 }, { date: '2026-12-08' });
    // C7: 150,000 committed on E4 under its 명시이월비, to be paid across 2026 and 2027 (지방회계법 제30조).
    ids.c7 = await applied(
      routes.createCommitment,
      fo,
      2026,
      {},
      { lineId: E4, amount: 150_000, counterparty: '777-77-77777', contractRef: 'C-7', date: '2026-12-09' },
    );
    // A1: 500,000 assessed on R1, 200,000 received.
    ids.a1 = await applied(
      routes.assessRevenue,
      ro,
      2026,
      {},
      { lineId: 'R1', amount: 500_000, payer: '홍길동', dueDate: '2026-12-31', date: '2026-12-10' },
    );
    await applied(routes.receiveRevenue, bank, 2026, { assessmentId: ids.a1 }, { amount: 200_000, date: '2026-12-15' });
    const a0 = await applied(
      routes.assessRevenue,
      ro,
      2026,
      {},
      { lineId: 'R0', amount: 1_000_000, payer: '(주)가나다', dueDate: '2026-12-20', date: '2026-12-10' },
    );
    await applied(routes.receiveRevenue, bank, 2026, { assessmentId: a0 }, { amount: 1_000_000, date: '2026-12-11' });

    // Carry-overs: E1 budget 750,000 − paid 400,000 leaves room for C2's 100,000 (사고이월);
    // E3 200,000 − 50,000 = 150,000 ≥ 100,000 (명시이월).
    const carry = (lineId: string, kind: string, amount: number, extra: Record<string, unknown> = {}) =>
      callRoute(recordCarryOver, {
        caller: chief as never,
        params: { gov: GOV, year: 2026, lineId },
        body: { kind, amount, reason: '이월', ...(kind === 'accident' ? { ground: 'commitment' } : {}), ...extra },
      });
    // A 사고이월 names its ground (지방재정법 제50조②); under 제2–4호 (no 원인행위 yet) it carries at most what
    // the line has not committed: E1 750,000 − (600,000 + 100,000 + 50,000) = 0.
    expect((await carry(E1, 'accident', 1, { ground: undefined })).body).toMatchObject({
      status: 422,
      code: 'accident-carry-over-ground-required',
    });
    expect((await carry(E1, 'accident', 1, { ground: 'recurring-cost' })).body).toMatchObject({
      status: 422,
      code: 'accident-carry-over-exceeds-uncommitted',
      context: { rule: '지방재정법 제50조제2항제4호', available: 0 },
    });
    // 제1호 is capped by the commitment ledger: C2's 100,000 committed and unpaid (+ 부대경비 0).
    expect((await carry(E1, 'accident', 100_000)).body).toMatchObject({ status: 422, code: 'accident-carry-over-needs-commitments' });
    expect((await carry(E1, 'accident', 100_001, { commitmentIds: [ids.c2] })).body).toMatchObject({
      status: 422,
      code: 'carry-over-exceeds-unpaid-commitments',
      context: { available: 100_000 },
    });
    expect((await carry(E1, 'accident', 100_000, { commitmentIds: [ids.c5] })).body).toMatchObject({
      status: 422,
      code: 'carry-over-commitment-not-on-line',
    });
    expect((await carry(E1, 'accident', 100_000, { commitmentIds: [ids.c2] })).status).toBe(200);
    // 명시이월 only for a line on the approved list (E1 is not on it).
    expect((await carry(E1, 'explicit', 1)).body).toMatchObject({ status: 422, code: 'explicit-carry-over-not-approved' });
    expect((await carry(E3, 'explicit', 100_000)).status).toBe(200);
    // E4's 명시이월 carries C7 (지방회계법 제30조): the carried amount must hold its unpaid 150,000.
    expect((await carry(E4, 'explicit', 149_999, { commitmentIds: [ids.c7] })).body).toMatchObject({
      status: 422,
      code: 'explicit-carry-over-below-commitments',
      context: { needed: 150_000 },
    });
    expect((await carry(E4, 'explicit', 200_000, { commitmentIds: [ids.c7] })).status).toBe(200);
  });

  it('January 2027: the old year pays under an exception; 10 February: completion work only', async () => {
    on('2027-01-05T10:00:00+09:00');
    // A new 지급명령 of 2026 after 31 Dec needs its exception (지방회계법 제7조제1항제1호).
    const noException = await posted(
      routes.orderPayment,
      callers.disbursingOfficer,
      2026,
      { resolutionId: ids.r1 },
      { amount: 100_000, date: '2027-01-05' },
    );
    expect(noException).toMatchObject({ status: 422, code: 'cash-books-closed' });
    const exception = { exceptionCode: 'contract-completed-at-year-end' };
    ids.o1b = await applied(
      routes.orderPayment,
      callers.disbursingOfficer,
      2026,
      { resolutionId: ids.r1 },
      { amount: 100_000, date: '2027-01-05', ...exception },
    );
    const paid = await posted(routes.confirmPayment, callers.bank, 2026, { orderId: ids.o1b }, { date: '2027-01-05', ...exception });
    // The old year's journal, dated in January: Dr 미지급금 / Cr 현금.
    expect(paid).toMatchObject({
      status: 'applied',
      year: 2026,
      journal: {
        date: '2027-01-05',
        lines: [
          { account: '2101', debit: 100_000 },
          { account: '1101', credit: 100_000 },
        ],
      },
    });

    on('2027-02-10T17:00:00+09:00');
    expect(
      await posted(
        routes.orderPayment,
        callers.disbursingOfficer,
        2026,
        { resolutionId: ids.r1 },
        { amount: 100_000, date: '2027-02-10', ...exception },
      ),
    ).toMatchObject({
      status: 422,
      code: 'cash-closing-window-ended',
    });
    await applied(
      routes.cancelCommitment,
      callers.financeOfficer,
      2026,
      { commitmentId: ids.c3 },
      { date: '2027-02-10', reason: '계약 포기' },
    );
    // 과년도 수입 is not possible until the old year is locked.
    const early = await posted(
      routes.receivePriorYearRevenue,
      callers.revenueOfficer,
      2027,
      { assessmentId: ids.a1 },
      { lineId: 'R2', amount: 10_000, date: '2027-02-10' },
    );
    expect(early).toMatchObject({ status: 422, code: 'prior-year-not-complete', context: { completionDate: '2027-02-10' } });
  });

  it('11 February: the year-end closing of 2026 opens 2027 with the receivable and the payables', async () => {
    on('2027-02-11T09:00:00+09:00');
    // 결산정리: the 대손충당금 on the receivable left, 300,000 × 1/10 = 30,000 (회계기준규칙 제46조).
    const allowance = await callRoute(recordAdjustingEntries, {
      caller: chief as never,
      params: { gov: GOV, year: 2026 },
      body: { kind: 'allowance', rates: [{ fund: FUND, receivableAccount: '1105', numerator: 1, denominator: 10 }] },
    });
    expect(allowance.body.entries?.[0]?.lines, JSON.stringify(allowance.body)).toEqual([
      { account: '5302', debit: 30_000, credit: 0 },
      { account: '1106', debit: 0, credit: 30_000 },
    ]);
    // The daily and monthly closings are proven in rehearsal.test.ts; here the year-end runs as a backfill of its periods.
    const closing = await callRoute(requestClosing, {
      caller: chief as never,
      params: { gov: GOV, year: 2026 },
      body: { kind: 'year-end', period: '2026', backfill: true },
    });
    expect(closing.status).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    const status = await callRoute(getClosingStatus, { caller: chief as never, params: { gov: GOV, year: 2026 } });
    expect(status.body.yearClosed).toBe(true);
    // The 불용액 per 정책사업 that caps 과년도 지출 (지방회계법 제37조), over its lines: P01 = E1 750,000 − 500,000 −
    // 사고이월 100,000 = 150,000, plus E3 200,000 − 50,000 − 명시이월 100,000 = 50,000: 200,000; P02 = E4 300,000
    // − 0 − 명시이월 200,000 = 100,000.
    for (const [program, unspent] of [
      [`${FUND}.P01`, 200_000],
      [`${FUND}.P02`, 100_000],
    ] as const) {
      expect(await read(programControlKey(GOV, 2026, FUND, program))).toMatchObject({ unspent, paidLater: 0 });
    }

    // E1: paid 400,000 + 100,000 = 500,000; committed 600,000 + 100,000 + 50,000 − 50,000 = 700,000.
    expect(await read(lineControlKey(GOV, 2026, E1))).toMatchObject({
      paid: 500_000,
      committed: 700_000,
      resolved: 600_000,
      carriedOver: 100_000,
    });
    expect(await read(lineControlKey(GOV, 2026, 'R1'))).toMatchObject({ assessed: 500_000, received: 200_000 });
    // Opening balances of 2027: 미수세외수입금 500,000 − 200,000 = 300,000; 미지급금 (600,000 − 500,000) + (200,000 − 50,000) = 250,000.
    const opening = (await read(openingKey(GOV, 2027))).balances as { account: string; debit: string; credit: string }[];
    const balanceOf = (account: string) =>
      opening.filter((b) => b.account === account).reduce((s, b) => s + BigInt(b.debit) - BigInt(b.credit), 0n);
    expect(balanceOf('1105')).toBe(300_000n);
    expect(balanceOf('2101')).toBe(-250_000n);

    // The carry-overs are budgets of their own in 2027, deemed allotted (지방재정법 제50조④), each with
    // its kind and origin; the 사고이월 holds C2, moved onto it for what it has not paid (100,000).
    expect(await read(lineControlKey(GOV, 2027, `${E1}.C2026A`))).toMatchObject({
      budget: 100_000,
      allotted: 100_000,
      carryIn: 100_000,
      committed: 100_000,
      paid: 0,
      carryKind: 'accident',
      originYear: 2026,
      originLineId: E1,
      itemCode: '201-01',
    });
    expect(await read(lineControlKey(GOV, 2027, `${E3}.C2026E`))).toMatchObject({
      budget: 100_000,
      allotted: 100_000,
      committed: 0,
      carryKind: 'explicit',
      originLineId: E3,
    });
    expect(await read(documentKey(GOV, ids.c2))).toMatchObject({
      year: 2027,
      lineId: `${E1}.C2026A`,
      amount: 100_000,
      resolved: 0,
      carriedFromYear: 2026,
      carriedFromLineId: E1,
      originAmount: 100_000,
      originPaid: 0,
    });
    // The 명시이월 carries C7 like a 사고이월 carries its commitments: a commitment of 2027 on the carried budget.
    expect(await read(lineControlKey(GOV, 2027, `${E4}.C2026E`))).toMatchObject({
      budget: 200_000,
      committed: 150_000,
      carryKind: 'explicit',
    });
    expect(await read(documentKey(GOV, ids.c7))).toMatchObject({
      year: 2027,
      lineId: `${E4}.C2026E`,
      amount: 150_000,
      carriedFromLineId: E4,
    });
    // 2026's own line keeps its figures: the carried amount is its 이월액, not a second budget.
    expect(await read(lineControlKey(GOV, 2026, E1))).toMatchObject({ budget: 750_000, committed: 700_000, carriedOver: 100_000 });
  });

  it('2027: 과년도 수입 and 불납결손 settle the receivable once', async () => {
    on('2027-03-05T10:00:00+09:00');
    const receipt = await posted(
      routes.receivePriorYearRevenue,
      callers.bank,
      2027,
      { assessmentId: ids.a1 },
      { lineId: 'R2', amount: 250_000, date: '2027-03-02' },
    );
    // Dr 현금 / Cr 미수세외수입금: no revenue again (recognised in 2026).
    expect(receipt).toMatchObject({
      status: 'applied',
      year: 2027,
      journal: {
        lines: [
          { account: '1101', debit: 250_000 },
          { account: '1105', credit: 250_000 },
        ],
      },
    });
    // Outstanding 300,000 − 250,000 = 50,000.
    expect(
      await posted(
        routes.receivePriorYearRevenue,
        callers.bank,
        2027,
        { assessmentId: ids.a1 },
        { lineId: 'R2', amount: 50_001, date: '2027-03-02' },
      ),
    ).toMatchObject({
      status: 422,
      code: 'prior-year-receipt-exceeds-outstanding',
      context: { outstanding: 50_000 },
    });
    const writeOff = await posted(
      routes.writeOffRevenue,
      callers.revenueOfficer,
      2027,
      { assessmentId: ids.a1 },
      { amount: 50_000, ground: 'prescription', allowanceUsed: 30_000, lineId: 'R2', date: '2027-03-03' },
    );
    // Dr 대손충당금 30,000 (all that 2026 set aside), Dr 대손상각비 20,000 / Cr 미수세외수입금 50,000.
    expect(writeOff, JSON.stringify(writeOff)).toMatchObject({
      status: 'applied',
      journal: {
        lines: [
          { account: '1106', debit: 30_000 },
          { account: '5302', debit: 20_000 },
          { account: '1105', credit: 50_000 },
        ],
      },
    });
    // Nothing is left to collect or write off: 500,000 = 200,000 + 250,000 + 50,000.
    expect(await read(documentKey(GOV, ids.a1))).toMatchObject({ amount: 500_000, received: 450_000, writtenOff: 50_000 });
    expect(await read(lineControlKey(GOV, 2027, 'R2'))).toMatchObject({ assessed: 300_000, received: 250_000, writtenOff: 50_000 });
    expect(
      await posted(
        routes.suspendCollection,
        callers.revenueOfficer,
        2027,
        { assessmentId: ids.a1 },
        { ground: 'debtor-missing', date: '2027-03-03' },
      ),
    ).toMatchObject({ status: 'applied' });
  });

  it('2027: 과년도 지출 pays a fixed debt within its 정책사업’s 불용액 and refuses one beyond it', async () => {
    on('2027-03-05T10:00:00+09:00');
    const { financeOfficer: fo, disbursingOfficer: dob, bank } = callers;
    // C1: resolved 600,000, paid 500,000 → 100,000 fixed and unpaid; within P01's 불용액 200,000 (100,000 left).
    const p1 = await applied(
      routes.commitPriorYearExpenditure,
      fo,
      2027,
      { commitmentId: ids.c1 },
      { lineId: 'E2', amount: 100_000, date: '2027-03-02' },
    );
    const r = await posted(routes.resolvePayment, fo, 2027, { commitmentId: p1 }, { amount: 100_000, date: '2027-03-03' });
    expect(r).toMatchObject({ status: 'applied', journal: { lines: [] } });
    const o = await applied(routes.orderPayment, dob, 2027, { resolutionId: r.postingId }, { amount: 100_000, date: '2027-03-04' });
    const pay = await posted(routes.confirmPayment, bank, 2027, { orderId: o }, { date: '2027-03-04' });
    // The payment settles the 미지급금 carried in: Dr 미지급금 / Cr 현금, no cost in 2027.
    expect(pay).toMatchObject({
      status: 'applied',
      journal: {
        lines: [
          { account: '2101', debit: 100_000 },
          { account: '1101', credit: 100_000 },
        ],
      },
    });

    // C5 (on E3): resolved 200,000, paid 50,000 → 150,000 fixed and unpaid; P01 has 200,000 − 100,000 = 100,000 left.
    const beyond = await posted(
      routes.commitPriorYearExpenditure,
      fo,
      2027,
      { commitmentId: ids.c5 },
      { lineId: 'E2', amount: 150_000, date: '2027-03-02' },
    );
    expect(beyond).toMatchObject({
      status: 422,
      code: 'prior-year-exceeds-unspent',
      context: { recordedUnspent: 200_000, paidLater: 100_000, unspent: 100_000, requested: 150_000 },
    });
    // 100,000 passes although E3's own 불용액 is 50,000: the cap is the 정책사업's, across its lines (E1's 150,000 too).
    await applied(
      routes.commitPriorYearExpenditure,
      fo,
      2027,
      { commitmentId: ids.c5 },
      { lineId: 'E2', amount: 100_000, date: '2027-03-02' },
    );
    // The cap is used up: 200,000 − 100,000 − 100,000 = 0, kept on P01.
    expect(await read(programControlKey(GOV, 2026, FUND, `${FUND}.P01`))).toMatchObject({ unspent: 200_000, paidLater: 200_000 });
    expect(
      await posted(routes.commitPriorYearExpenditure, fo, 2027, { commitmentId: ids.c5 }, { lineId: 'E2', amount: 1, date: '2027-03-02' }),
    ).toMatchObject({
      code: 'prior-year-exceeds-unspent',
      context: { unspent: 0 },
    });
    // A 보충적 경비 (시행령 제47조제16호) is not capped: the remaining 50,000 of C5's debt.
    await applied(
      routes.commitPriorYearExpenditure,
      fo,
      2027,
      { commitmentId: ids.c5 },
      { lineId: 'E2', amount: 50_000, date: '2027-03-02', supplementaryExpense: 'utility-rate-increase' },
    );
    // E2 committed 100,000 + 100,000 + 50,000 = 250,000; E3 of 2026 took 150,000 of 과년도 지출, E1 100,000.
    expect(await read(lineControlKey(GOV, 2027, 'E2'))).toMatchObject({ committed: 250_000, resolved: 100_000, paid: 100_000 });
    expect(await read(lineControlKey(GOV, 2026, E3))).toMatchObject({ paidLater: 150_000 });
    expect(await read(lineControlKey(GOV, 2026, E1))).toMatchObject({ paidLater: 100_000 });
  });

  it('2027: the 사고이월 budget pays the commitment it carried and nothing else; the 명시이월 budget goes on', async () => {
    on('2027-03-06T10:00:00+09:00');
    const { financeOfficer: fo, disbursingOfficer: dob, bank } = callers;
    const commitOn = (lineId: string, amount: number) =>
      posted(
        routes.createCommitment,
        fo,
        2027,
        {},
        { lineId, amount, counterparty: '666-66-66666', contractRef: 'C-6', date: '2027-03-06' },
      );
    // No new commitment on a 사고이월 budget (지방재정법 제50조제2항제1호).
    expect(await commitOn(`${E1}.C2026A`, 1)).toMatchObject({ status: 422, code: 'carried-budget-commitments-only' });
    // C2 goes on: 지출결의 in 2027 books the cost there (nothing was booked in 2026), then order and payment.
    const r = await posted(routes.resolvePayment, fo, 2027, { commitmentId: ids.c2 }, { amount: 100_000, date: '2027-03-06' });
    expect(r, JSON.stringify(r)).toMatchObject({
      status: 'applied',
      year: 2027,
      journal: {
        lines: [
          { account: '5202', debit: 100_000 },
          { account: '2101', credit: 100_000 },
        ],
      },
    });
    const o = await applied(routes.orderPayment, dob, 2027, { resolutionId: r.postingId }, { amount: 100_000, date: '2027-03-06' });
    await applied(routes.confirmPayment, bank, 2027, { orderId: o }, { date: '2027-03-06' });
    expect(await read(lineControlKey(GOV, 2027, `${E1}.C2026A`))).toMatchObject({ committed: 100_000, resolved: 100_000, paid: 100_000 });
    // The 명시이월 budget takes a new commitment (the work it was carried for continues).
    expect(await commitOn(`${E3}.C2026E`, 30_000)).toMatchObject({ status: 'applied' });
    expect(await read(lineControlKey(GOV, 2027, `${E3}.C2026E`))).toMatchObject({ committed: 30_000 });
    // A 사고이월 budget is not carried again (practice [U]; 계속비 only carries on year by year).
    const again = await callRoute(recordCarryOver, {
      caller: chief as never,
      params: { gov: GOV, year: 2027, lineId: `${E1}.C2026A` },
      body: { kind: 'accident', amount: 1, reason: '재이월', commitmentIds: [ids.c2] },
    });
    expect(again.body).toMatchObject({ status: 422, code: 'carried-budget-not-carried-again', context: { carriedKind: 'accident' } });
  });

  it('both years’ archived statements equal the hand figures, 2027 closed after its own 출납정리 (10 Feb 2028)', async () => {
    on('2028-02-11T09:00:00+09:00');
    const closing = await callRoute(requestClosing, {
      caller: chief as never,
      params: { gov: GOV, year: 2027 },
      body: { kind: 'year-end', period: '2027', backfill: true },
    });
    expect(closing.status, JSON.stringify(closing.body)).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    type Row = Record<string, string>;
    const statements = {
      2026: await archivedReport(GOV, 2026, 'financial-statements'),
      2027: await archivedReport(GOV, 2027, 'financial-statements'),
    };
    const lines = (year: 2026 | 2027, table: string) =>
      Object.fromEntries(
        (statements[year].tables[table].rows as Row[])
          .filter((r) => r.scopeKind === '개별' && r.scope === FUND)
          .map((r) => [r.accountName, [r.current, r.prior]]),
      );
    /*
     * 2026 (journals): R0 1,000,000 and R1 500,000 assessed → 경상세외수익 1,500,000; received 1,000,000 + 200,000.
     *   지출결의 C1 600,000 + C5 200,000 → 경비 800,000 and 미지급금 800,000; paid 400,000 + 50,000 in December
     *   and 100,000 in January under the exception (2026's books) → 미지급금 250,000.
     *   현금 1,200,000 − 550,000 = 650,000; 미수세외수입금 300,000 − 대손충당금 30,000 = 270,000; 자산 920,000.
     *   재정운영순원가 800,000 + 대손상각비 30,000 = 830,000; 재정운영결과 830,000 − 1,500,000 = −670,000;
     *   순자산 920,000 − 250,000 = 670,000 (the first year: 기초 0).
     * 2027 opens on those balances (the prior column):
     *   과년도 수입 250,000: Dr 현금 / Cr 미수세외수입금 (no revenue again); 불납결손 50,000: Dr 대손충당금 30,000,
     *   Dr 대손상각비 20,000 / Cr 미수세외수입금 → 미수 0, 충당금 0.
     *   과년도 지출 of C1 100,000: Dr 미지급금 / Cr 현금 (no cost in 2027); C5's 150,000 committed, unpaid → 미지급금 stays.
     *   사고이월 C2: 지출결의 100,000 (경비, 미지급금) and paid → 미지급금 250,000 − 100,000 + 100,000 − 100,000 = 150,000.
     *   현금 650,000 + 250,000 − 100,000 − 100,000 = 700,000 = 자산; 순자산 700,000 − 150,000 = 550,000.
     *   재정운영순원가 경비 100,000 + 대손상각비 20,000 = 120,000, no revenue: 재정운영결과 120,000;
     *   순자산 670,000 − 120,000 = 550,000.
     */
    // Each line's [2026, 2027]: 2026 has no prior year; 2027's prior column is 2026's figure.
    const bothYears = (table: string, figures: Record<string, readonly [number, number]>) => {
      const of = (pick: (pair: readonly [number, number]) => [string, string]) =>
        Object.fromEntries(Object.entries(figures).map(([name, pair]) => [name, pick(pair)]));
      expect(lines(2026, table)).toMatchObject(of(([y2026]) => [String(y2026), '0']));
      expect(lines(2027, table)).toMatchObject(of(([y2026, y2027]) => [String(y2027), String(y2026)]));
    };
    bothYears('financial-position', {
      현금및현금성자산: [650_000, 700_000],
      미수세외수입금: [300_000, 0],
      미수세외수입금대손충당금: [-30_000, 0],
      자산총계: [920_000, 700_000],
      미지급금: [250_000, 150_000],
      부채총계: [250_000, 150_000],
      순자산총계: [670_000, 550_000],
    });
    bothYears('operations', {
      '경비(관리운영비)': [800_000, 100_000],
      대손상각비: [30_000, 20_000],
      재정운영순원가: [830_000, 120_000],
      경상세외수익: [1_500_000, 0],
      재정운영결과: [-670_000, 120_000],
    });
    expect(lines(2027, 'cash-flow')).toMatchObject({
      '유입: 경상적세외수입': ['250000', '1200000'],
      '유출: 물건비': ['200000', '550000'],
      '기초의 현금': ['650000', '0'],
      '기말의 현금': ['700000', '650000'],
    });

    const settlement = {
      2026: await archivedReport(GOV, 2026, 'budget-settlement'),
      2027: await archivedReport(GOV, 2027, 'budget-settlement'),
    };
    const row = (year: 2026 | 2027, table: string, lineId: string) =>
      (settlement[year].tables[table].rows as Row[]).find((r) => r.lineId === lineId);
    // 2026 세출: E1 750,000 − paid 500,000 − 사고이월 100,000 = 불용 150,000; E3 200,000 − 50,000 − 명시이월 100,000 = 50,000.
    expect(row(2026, 'expenditure', E1)).toMatchObject({
      budget: '750000',
      committed: '700000',
      paid: '500000',
      accident: '100000',
      unused: '150000',
    });
    expect(row(2026, 'expenditure', E3)).toMatchObject({
      budget: '200000',
      committed: '200000',
      paid: '50000',
      explicit: '100000',
      unused: '50000',
    });
    expect(row(2026, 'revenue', 'R1')).toMatchObject({ assessed: '500000', netReceived: '200000', writtenOff: '0', outstanding: '300000' });
    // 이월 명세서 (지방회계법 제17조①3): each carry-over with the 2027 line it became, the line's 예산현액,
    // 지출액 and 불용액 as in the 세출결산, and its reason; C2 is the one commitment the 사고이월 carried.
    expect(settlement[2026].tables['carry-overs'].rows).toEqual([
      {
        fund: FUND,
        lineId: E1,
        kind: '사고이월',
        ground: '제50조제2항제1호',
        nextLineId: `${E1}.C2026A`,
        budget: '750000',
        paid: '500000',
        amount: '100000',
        unused: '150000',
        commitments: '1',
        reason: '이월',
      },
      {
        fund: FUND,
        lineId: E3,
        kind: '명시이월',
        ground: '',
        nextLineId: `${E3}.C2026E`,
        budget: '200000',
        paid: '50000',
        amount: '100000',
        unused: '50000',
        commitments: '0',
        reason: '이월',
      },
      {
        fund: FUND,
        lineId: E4,
        kind: '명시이월',
        ground: '',
        nextLineId: `${E4}.C2026E`,
        budget: '300000',
        paid: '0',
        amount: '200000',
        unused: '100000',
        commitments: '1',
        reason: '이월',
      },
    ]);
    // 명시이월비 집행 명세서: E3's 100,000 and E4's 200,000 approved with the budget, all of it carried.
    expect(settlement[2026].tables['explicit-carry-overs'].rows).toEqual([
      {
        fund: FUND,
        lineId: E3,
        approved: '100000',
        budget: '200000',
        paid: '50000',
        carried: '100000',
        notCarried: '0',
        reason: '공기 연장 예상',
      },
      {
        fund: FUND,
        lineId: E4,
        approved: '200000',
        budget: '300000',
        paid: '0',
        carried: '200000',
        notCarried: '0',
        reason: '연도를 넘는 설계용역',
      },
    ]);
    // Archived like the other tables: a CSV of its own, a row per carry-over.
    const csv = new TextDecoder().decode(await archivedFile(GOV, 2026, 'budget-settlement', 'carry-overs.csv'));
    expect(csv).toContain(`${E1}.C2026A`);
    expect(csv).toContain(`${E3}.C2026E`);
    // 2027 carried nothing on and approved no 명시이월비: both statements are empty.
    expect(settlement[2027].tables['carry-overs'].rows).toEqual([]);
    expect(settlement[2027].tables['explicit-carry-overs'].rows).toEqual([]);
    // E4: 300,000, C7 committed 150,000 and nothing paid; 명시이월 200,000 (C7 with it); 불용 100,000.
    expect(row(2026, 'expenditure', E4)).toMatchObject({
      budget: '300000',
      committed: '150000',
      paid: '0',
      explicit: '200000',
      unused: '100000',
    });
    // 세계잉여금 1,200,000 − 550,000 = 650,000; 순세계잉여금 650,000 − 이월 (100,000 + 100,000 + 200,000) = 250,000.
    expect(settlement[2026].totals).toMatchObject({ carriedOver: '400000', surplus: '650000', netSurplus: '250000' });
    // 2027 세출: each carried budget is its own line with its 전년도이월액; the 사고이월 spent in full, the 명시이월's
    // 30,000 committed and unpaid at 31 Dec 2027 (not carried again) is 불용 100,000. E2: 1,000,000 − paid 100,000 (과년도 C1).
    expect(row(2027, 'expenditure', `${E1}.C2026A`)).toMatchObject({
      original: '0',
      carryIn: '100000',
      budget: '100000',
      paid: '100000',
      unused: '0',
    });
    expect(row(2027, 'expenditure', `${E3}.C2026E`)).toMatchObject({ carryIn: '100000', committed: '30000', paid: '0', unused: '100000' });
    expect(row(2027, 'expenditure', 'E2')).toMatchObject({ original: '1000000', committed: '250000', paid: '100000', unused: '900000' });
    // 2027 세입: 과년도 수입 250,000 and 불납결손 50,000 of the 300,000 carried in; nothing left 미수납.
    expect(row(2027, 'revenue', 'R2')).toMatchObject({ assessed: '300000', netReceived: '250000', writtenOff: '50000', outstanding: '0' });
    // 미수납액 per 징수관 (receivables-by-collector.ts): ro-choi made both 2026 징수결정; R1's 300,000 is what he
    // carried into 2027, where 과년도 수입 250,000 and 불납결손 50,000 settled all of it.
    expect(settlement[2026].tables['outstanding-by-collector'].rows).toEqual([
      { fund: FUND, collector: 'ro-choi', lineId: 'R0', assessed: '1000000', received: '1000000', writtenOff: '0', outstanding: '0' },
      { fund: FUND, collector: 'ro-choi', lineId: 'R1', assessed: '500000', received: '200000', writtenOff: '0', outstanding: '300000' },
    ]);
    expect(settlement[2027].tables['opening-receivables-by-collector'].rows).toEqual([
      { fund: FUND, collector: 'ro-choi', lineId: 'R1', opening: '300000', receivedLater: '250000', writtenOffLater: '50000', left: '0' },
    ]);
    // E4's 명시이월 holds C7 (150,000 moved with it, not paid in 2027): 불용 200,000.
    expect(row(2027, 'expenditure', `${E4}.C2026E`)).toMatchObject({ carryIn: '200000', committed: '150000', paid: '0', unused: '200000' });
    // 세계잉여금 250,000 − 200,000 = 50,000; 전년도이월액 100,000 + 100,000 + 200,000 = 400,000.
    expect(settlement[2027].totals).toMatchObject({
      expenditureCarryIn: '400000',
      expenditurePaid: '200000',
      revenueWrittenOff: '50000',
      revenueOutstanding: '0',
      surplus: '50000',
    });
  });
});
