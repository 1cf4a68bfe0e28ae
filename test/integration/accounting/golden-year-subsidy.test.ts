import { beforeAll, describe, expect, it } from 'vitest';
import * as execution from '#shared/routes/execution.ts';
import {
  decideSubsidyGrant,
  paySubsidy,
  recordSubsidyExecution,
  recordSubsidyReturn,
  requestSubsidyPayment,
  reviewSubsidyApplication,
  settleSubsidyGrant,
  submitSubsidyApplication,
  submitSubsidyReport,
} from '#shared/routes/subsidy.ts';
import {
  allot,
  archivedReport,
  closeYear,
  collect,
  expectEntityTotals,
  fund,
  officials,
  posting,
  setUpAccounts,
} from '#test/integration/accounting/support.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { drainPostings } from '#test/integration/execution/support.ts';
import { committeeApproval, publicCallProgram } from '#test/integration/subsidy/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { setClock } from '#test/support/clock.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * The golden year's companion for 지방보조금 (issue #17): one 일반회계 GEN whose year has two 보조금
 * through the subsidy handlers — 교부결정, 교부, 집행, 실적보고, 금액 확정, 반환 — the postings consumer and
 * the year-end closing, and the next year that takes one grant's 반환. Every figure by hand:
 *
 *   취득세 징수결정 and 수납 10,000,000 (03-02)                         Dr 1103 / Cr 4201; Dr 1101 / Cr 1103
 *   307-02 민간경상사업보조 (정책사업), 예산 10,000,000:
 *     교부결정 9,000,000 (A) and 1,000,000 (B) (03-10): 지출원인행위, no journal
 *     교부 of both (04-03): 지출결의, 지급명령, 지급 by the 금고      Dr 5104 / Cr 2101; Dr 2101 / Cr 1101  10,000,000
 *     집행 by the recipients 6,000,000 and 600,000 (06-10): the recipients' books, not the government's
 *     실적보고 (11-15), 금액 확정 (11-20): 반환 due A 3,000,000, B 400,000 (nothing released: all was paid)
 *     A's 반환 3,000,000 received 11-27, before 31 December: 반납 to the line (지방회계법 §27②)
 *                                                                      Dr 1101 / Cr 5104 3,000,000
 *     B's 반환 400,000 received 25 January 2027: 2027 revenue (§27①), see below
 *
 *   2026 현금 10,000,000 − 10,000,000 + 3,000,000          = 3,000,000 = 자산; 부채 0 (the 반환 due from B is no
 *     receivable in these books: it is recognised when received)
 *   순자산                                                 = 3,000,000
 *   재정운영순원가: 이전비용(경상이전) 10,000,000 − 3,000,000 = 7,000,000 (사업순원가)
 *   재정운영결과 7,000,000 − 지방세 10,000,000              = −3,000,000 (= −순자산: the first year)
 *   세입세출결산, 307-02: 예산현액 10,000,000; 원인행위 and 지출 10,000,000 − 반납 3,000,000 = 7,000,000;
 *     불용액 10,000,000 − 7,000,000 = 3,000,000. 세입 취득세: 징수결정 = 수납 10,000,000, 미수 0.
 *
 *   2027 (budget: 보조금 반환수입 400,000, 임시적세외수입 2-2 → 4203; 201-01 400,000 unspent to balance):
 *     B's 반환 400,000 (01-25): 징수결정 and 수납 on the 2027 line    Dr 1105 / Cr 4203; Dr 1101 / Cr 1105
 *     현금 3,000,000 + 400,000 = 3,400,000 = 자산 = 순자산; 재정운영순원가 0; 재정운영결과 −400,000
 *     세입결산 보조금 반환수입: 예산 = 징수결정 = 수납 400,000, 미수 0; 2026's 307-02 stays at 지출 7,000,000.
 */
await useTestStack();

const GOV = '44000';
const YEAR = 2026;
const c = officials(GOV);
const LINES = { subsidy: 'E.GEN.P01.U01.D001.307-02', tax: 'R.GEN.1.ACQTAX', returns2027: 'R.GEN.2.SUBRET' };
const base = { gov: GOV, year: YEAR };
const officer: TestCaller = { sub: `dept-${GOV}`, roles: ['department_official'], gov: GOV };
const recipient: TestCaller = { sub: 'rcp-golden', roles: ['subsidy_recipient'], gov: GOV };
const ok = (result: { status: number; body: unknown }, status = 200) => expect(result.status, JSON.stringify(result.body)).toBe(status);

beforeAll(async () => {
  await setUpAccounts(GOV, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  await finalBudget(GOV, YEAR, 'original', [
    expenditure({
      account: 'GEN',
      policyCode: 'P01',
      unitCode: 'U01',
      detailCode: 'D001',
      statItem: '307-02',
      sector: '016',
      amount: 10_000_000,
      structureType: 'program',
    }),
    reserve(100_000), // the 일반회계's 예비비 (지방재정법 §43①), never spent
    revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 10_100_000 }),
  ]);
  await allot(GOV, YEAR, LINES.subsidy, 10_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-04', 10_000_000);
  // 2027: the 세외수입 line that takes a 2026 grant's 반환 received after 31 December (지방회계법 §27①)
  await finalBudget(GOV, YEAR + 1, 'original', [
    // 보조금 반환수입 is 임시적세외수입 (journal map 2-2 → 4203)
    revenue({ account: 'GEN', category: '2', item: 'SUBRET', name: '보조금 반환수입', amount: 400_000, revenueCode: '2-2' }),
    // the balancing side (a budget balances): an office line, left unspent in the test
    expenditure({
      account: 'GEN',
      policyCode: 'P01',
      unitCode: 'U01',
      detailCode: 'D001',
      statItem: '201-01',
      sector: '016',
      amount: 400_000,
      structureType: 'program',
    }),
    reserve(4_000), // the 일반회계's 예비비 (지방재정법 §43①), never spent
    revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 4_000 }),
  ]);
});

const ids = { january: '' };

/** A grant through the handlers: 신청, 심의, 교부결정, 교부신청, 교부 by the 금고, 집행 of `spent`, 실적보고, 금액 확정 at `spent`. */
async function paidAndSettled(
  who: { readonly name: string; readonly businessNumber: string; readonly residentNumber: string },
  project: { readonly project: string; readonly plan: string },
  money: { readonly granted: number; readonly spent: number },
) {
  const applied = await callRoute(submitSubsidyApplication, {
    params: { ...base, programId: 'VILLAGE' },
    body: {
      identity: {
        kind: 'group',
        name: who.name,
        businessNumber: who.businessNumber,
        representative: { name: `${who.name} 대표`, residentNumber: who.residentNumber },
      },
      projectName: project.project,
      plan: project.plan,
      costs: [{ item: '운영비', grant: money.granted, own: money.granted / 4 }],
      amountAsked: money.granted,
      ownShare: money.granted / 4,
      period: { start: '2026-04-01', end: '2026-10-31' },
      submittedOn: '2026-02-10',
    },
    caller: recipient,
  });
  ok(applied, 201);
  const params = { ...base, applicationId: applied.body.applicationId as string };
  const committee = committeeApproval('2026-03-05', money.granted);
  ok(await callRoute(reviewSubsidyApplication, { params, body: committee, caller: c.budgetOfficer }));
  ok(await callRoute(decideSubsidyGrant, { params, body: { amount: money.granted, decidedOn: '2026-03-10' }, caller: officer }));
  const requested = await callRoute(requestSubsidyPayment, {
    params,
    body: { amount: money.granted, requestedOn: '2026-04-02', evidence: [{ kind: 'other', reference: '교부신청서' }] },
    caller: recipient,
  });
  ok(requested, 201);
  const paid = await callRoute(paySubsidy, {
    params: { ...params, paymentId: requested.body.paymentId },
    body: { paidOn: '2026-04-03' },
    caller: c.disbursingOfficer,
  });
  ok(paid);
  await drainPostings();
  await posting(execution.confirmPayment, c.bank, { ...base, orderId: paid.body.orderId }, { date: '2026-04-03' });
  const evidence = { kind: 'e-tax-invoice', reference: `T-${who.businessNumber}` };
  const spending = { item: '운영비', source: 'grant', amount: money.spent, date: '2026-06-10', evidence };
  ok(await callRoute(recordSubsidyExecution, { params, body: spending, caller: recipient }), 201);
  const report = { submittedOn: '2026-11-15', completedOn: '2026-10-31', interest: 0 };
  ok(await callRoute(submitSubsidyReport, { params, body: report, caller: recipient }));
  const settled = await callRoute(settleSubsidyGrant, {
    params,
    body: { fixedAmount: money.spent, interest: 0, settledOn: '2026-11-20' },
    caller: officer,
  });
  expect(settled.body).toMatchObject({ state: 'settled', settlement: { fixed: money.spent, returnDue: money.granted - money.spent } });
  return params;
}

describe('golden year, 지방보조금: paid, spent in part and returned, in the statements and the 세입세출결산', () => {
  it('posts the year through the handlers', async () => {
    await collect(GOV, YEAR, LINES.tax, 10_000_000, 10_000_000, '2026-03-02');
    await publicCallProgram(GOV, YEAR, c.budgetOfficer, {
      programId: 'VILLAGE',
      name: '마을공동체 활성화 지원',
      lineId: LINES.subsidy,
      budget: 10_000_000,
    });
    const params = await paidAndSettled(
      { name: '햇살마을 공동체', businessNumber: '2158712341', residentNumber: '680808-2345678' },
      { project: '마을 공동체 텃밭 가꾸기', plan: '주민 60명이 함께 공동 텃밭을 가꾸고 수확물을 경로당에 나눕니다.' },
      { granted: 9_000_000, spent: 6_000_000 },
    );
    ids.january = (
      await paidAndSettled(
        { name: '달빛 독서회', businessNumber: '6138127707', residentNumber: '750505-2345678' },
        { project: '골목 작은 도서관 운영', plan: '어르신 20명에게 책을 읽어 드리는 골목 도서관을 엽니다.' },
        { granted: 1_000_000, spent: 600_000 },
      )
    ).applicationId;
    const returned = await callRoute(recordSubsidyReturn, {
      params,
      body: { amount: 3_000_000, receivedOn: '2026-11-27' },
      caller: c.revenueOfficer,
    });
    ok(returned);
    expect(returned.body).toMatchObject({ state: 'closed', returns: [{ destination: { kind: 'restore-line', year: YEAR } }] });
    await drainPostings();
    for (const postingId of returned.body.returns[0].postingIds as string[]) {
      const status = await callRoute(execution.getPosting, { caller: c.financeOfficer, params: { gov: GOV, postingId } });
      expect(status.body, JSON.stringify(status.body)).toMatchObject({ kind: 'return', status: 'applied' });
      expect(status.body.journal.lines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ account: '1101', debit: 3_000_000 }),
          expect.objectContaining({ account: '5104', credit: 3_000_000 }),
        ]),
      );
    }
    const status = await callRoute(execution.getFundStatus, { caller: c.ministry, params: base });
    expect(status.body).toMatchObject({ total: { cash: '3000000' } });
  });

  it('closes the year: the statements and the 세입세출결산 equal the hand figures', async () => {
    const statements = await closeYear(GOV, YEAR);
    expectEntityTotals(statements, 'GEN', {
      assets: '3000000',
      liabilities: '0',
      netAssets: '3000000',
      netOperatingCost: '7000000',
      operatingResult: '-3000000',
      closingCash: '3000000',
      closingCashPerBooks: '3000000',
    });
    type Row = Record<string, string>;
    const operations = (statements.tables.operations.rows as Row[]).filter((r) => r.scope === 'GEN' && r.scopeKind !== '유형별');
    expect(operations.find((r) => r.accountName === '이전비용(경상이전)')?.current).toBe('7000000');

    const settlement = await archivedReport(GOV, YEAR, 'budget-settlement');
    const line = (settlement.tables.expenditure.rows as Row[]).find((r) => r.lineId === LINES.subsidy);
    expect(line).toMatchObject({ original: '10000000', budget: '10000000', committed: '7000000', paid: '7000000', unused: '3000000' });
    const tax = (settlement.tables.revenue.rows as Row[]).find((r) => r.lineId === LINES.tax);
    // 취득세 budgeted 10,100,000 (10,000,000 + the 예비비's 100,000), assessed and received 10,000,000
    expect(tax).toMatchObject({ budget: '10100000', assessed: '10000000', received: '10000000', outstanding: '0' });
  });

  it('takes the second grant’s 반환 of 25 January 2027 as 2027 revenue: in 2027’s statements and 세입결산, not 2026’s', async () => {
    const restore = setClock('2027-01-25T10:00:00+09:00');
    try {
      const returned = await callRoute(recordSubsidyReturn, {
        params: { ...base, applicationId: ids.january },
        body: { amount: 400_000, receivedOn: '2027-01-25', revenueLineId: LINES.returns2027 },
        caller: c.revenueOfficer,
      });
      ok(returned);
      expect(returned.body).toMatchObject({
        state: 'closed',
        returns: [{ destination: { kind: 'current-year-revenue', year: YEAR + 1, article: '지방회계법 §27①' }, restored: 0 }],
      });
      await drainPostings();
      const statements = await closeYear(GOV, YEAR + 1);
      // 2027: opening cash 3,000,000 + 400,000 received; revenue 400,000 and no cost → result −400,000
      expectEntityTotals(statements, 'GEN', {
        assets: '3400000',
        liabilities: '0',
        netAssets: '3400000',
        netOperatingCost: '0',
        operatingResult: '-400000',
        closingCash: '3400000',
        closingCashPerBooks: '3400000',
      });
      type Row = Record<string, string>;
      const settlement = await archivedReport(GOV, YEAR + 1, 'budget-settlement');
      const line = (settlement.tables.revenue.rows as Row[]).find((r) => r.lineId === LINES.returns2027);
      expect(line).toMatchObject({ budget: '400000', assessed: '400000', received: '400000', outstanding: '0' });
    } finally {
      restore();
    }
    // 2026 as closed: the 307-02 line was not restored by the 2027 return
    const closed2026 = await archivedReport(GOV, YEAR, 'budget-settlement');
    const line2026 = (closed2026.tables.expenditure.rows as Record<string, string>[]).find((r) => r.lineId === LINES.subsidy);
    expect(line2026).toMatchObject({ paid: '7000000', unused: '3000000' });
  });
});
