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
import { useTestStack } from '#test/support/stack.ts';

/**
 * The golden year's companion for 지방보조금 (issue #17): one 일반회계 GEN whose year has a 보조금 through
 * the subsidy handlers — 교부결정, 교부, 집행, 실적보고, 금액 확정, 반환 — the postings consumer and the
 * year-end closing. Every figure by hand:
 *
 *   취득세 징수결정 and 수납 10,000,000 (03-02)                         Dr 1103 / Cr 4201; Dr 1101 / Cr 1103
 *   307-02 민간경상사업보조 (정책사업), 예산 10,000,000:
 *     교부결정 9,000,000 (03-10): 지출원인행위, no journal
 *     교부 9,000,000 (04-03): 지출결의, 지급명령, 지급 by the 금고       Dr 5104 / Cr 2101; Dr 2101 / Cr 1101
 *     집행 by the recipient 6,000,000 (06-10, e-tax invoice): the recipient's books, not the government's
 *     실적보고 (11-15), 금액 확정 6,000,000 (11-20): 반환 due 9,000,000 − 6,000,000 = 3,000,000
 *     반환 3,000,000 received 11-27, before 31 December: 반납 to the line (지방회계법 §27②)
 *                                                                      Dr 1101 / Cr 5104 3,000,000
 *
 *   현금 10,000,000 − 9,000,000 + 3,000,000                = 4,000,000 = 자산; 부채 0
 *   순자산                                                 = 4,000,000
 *   재정운영순원가: 이전비용(경상이전) 9,000,000 − 3,000,000 = 6,000,000 (사업순원가)
 *   재정운영결과 6,000,000 − 지방세 10,000,000              = −4,000,000 (= −순자산: the first year)
 *   세입세출결산, 307-02: 예산현액 10,000,000; 원인행위 and 지출 9,000,000 − 반납 3,000,000 = 6,000,000;
 *     불용액 10,000,000 − 6,000,000 = 4,000,000. 세입 취득세: 징수결정 = 수납 10,000,000, 미수 0.
 */
await useTestStack();

const GOV = '44000';
const YEAR = 2026;
const c = officials(GOV);
const LINES = { subsidy: 'E.GEN.P01.U01.D001.307-02', tax: 'R.GEN.1.ACQTAX' };
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
  await fund(GOV, YEAR, 'GEN', '2026-04', 9_000_000);
});

describe('golden year, 지방보조금: paid, spent in part and returned, in the statements and the 세입세출결산', () => {
  it('posts the year through the handlers', async () => {
    await collect(GOV, YEAR, LINES.tax, 10_000_000, 10_000_000, '2026-03-02');
    await publicCallProgram(GOV, YEAR, c.budgetOfficer, {
      programId: 'VILLAGE',
      name: '마을공동체 활성화 지원',
      lineId: LINES.subsidy,
      budget: 10_000_000,
    });
    const applied = await callRoute(submitSubsidyApplication, {
      params: { ...base, programId: 'VILLAGE' },
      body: {
        identity: {
          kind: 'group',
          name: '햇살마을 공동체',
          businessNumber: '2158712341',
          representative: { name: '윤대표', residentNumber: '680808-2345678' },
        },
        projectName: '마을 공동체 텃밭 가꾸기',
        plan: '주민 60명이 함께 공동 텃밭을 가꾸고 수확물을 경로당에 나눕니다.',
        costs: [{ item: '운영비', grant: 9_000_000, own: 1_000_000 }],
        amountAsked: 9_000_000,
        ownShare: 1_000_000,
        period: { start: '2026-04-01', end: '2026-10-31' },
        submittedOn: '2026-02-10',
      },
      caller: recipient,
    });
    ok(applied, 201);
    const params = { ...base, applicationId: applied.body.applicationId as string };
    const committee = committeeApproval('2026-03-05', 9_000_000);
    ok(await callRoute(reviewSubsidyApplication, { params, body: committee, caller: c.budgetOfficer }));
    const decided = await callRoute(decideSubsidyGrant, { params, body: { amount: 9_000_000, decidedOn: '2026-03-10' }, caller: officer });
    ok(decided);
    const requested = await callRoute(requestSubsidyPayment, {
      params,
      body: { amount: 9_000_000, requestedOn: '2026-04-02', evidence: [{ kind: 'other', reference: '교부신청서' }] },
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
    ok(
      await callRoute(recordSubsidyExecution, {
        params,
        body: {
          item: '운영비',
          source: 'grant',
          amount: 6_000_000,
          date: '2026-06-10',
          evidence: { kind: 'e-tax-invoice', reference: 'T-GOLDEN-1' },
        },
        caller: recipient,
      }),
      201,
    );
    ok(
      await callRoute(submitSubsidyReport, {
        params,
        body: { submittedOn: '2026-11-15', completedOn: '2026-10-31', interest: 0 },
        caller: recipient,
      }),
    );
    const settled = await callRoute(settleSubsidyGrant, {
      params,
      body: { fixedAmount: 6_000_000, interest: 0, settledOn: '2026-11-20' },
      caller: officer,
    });
    expect(settled.body).toMatchObject({ state: 'settled', settlement: { fixed: 6_000_000, returnDue: 3_000_000 } });
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
    expect(status.body).toMatchObject({ total: { cash: '4000000' } });
  });

  it('closes the year: the statements and the 세입세출결산 equal the hand figures', async () => {
    const statements = await closeYear(GOV, YEAR);
    expectEntityTotals(statements, 'GEN', {
      assets: '4000000',
      liabilities: '0',
      netAssets: '4000000',
      netOperatingCost: '6000000',
      operatingResult: '-4000000',
      closingCash: '4000000',
      closingCashPerBooks: '4000000',
    });
    type Row = Record<string, string>;
    const operations = (statements.tables.operations.rows as Row[]).filter((r) => r.scope === 'GEN' && r.scopeKind !== '유형별');
    expect(operations.find((r) => r.accountName === '이전비용(경상이전)')?.current).toBe('6000000');

    const settlement = await archivedReport(GOV, YEAR, 'budget-settlement');
    const line = (settlement.tables.expenditure.rows as Row[]).find((r) => r.lineId === LINES.subsidy);
    expect(line).toMatchObject({ original: '10000000', budget: '10000000', committed: '6000000', paid: '6000000', unused: '4000000' });
    const tax = (settlement.tables.revenue.rows as Row[]).find((r) => r.lineId === LINES.tax);
    // 취득세 budgeted 10,100,000 (10,000,000 + the 예비비's 100,000), assessed and received 10,000,000
    expect(tax).toMatchObject({ budget: '10100000', assessed: '10000000', received: '10000000', outstanding: '0' });
  });
});
