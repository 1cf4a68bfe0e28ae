import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { createCommitment, depositCustody, orderPayment, withdrawCustody } from '#shared/routes/execution.ts';
import * as pettyCash from '#shared/routes/petty-cash.ts';
import { putConcurrentRoles } from '#shared/routes/registry.ts';
import { requestClosing } from '#shared/routes/settlement.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { appliedPosting, FUND, GOV, seedLine, YEAR } from '#test/integration/execution/support.ts';

/**
 * The 회계관계공무원 of issue #16 through the HTTP API: the two 출납원 (지방회계법 제44조③) at their own
 * routes and nowhere else; 채권관리관 + 현금수납 (지방재정법 제85조③) under a recorded reason, each use
 * logged; 회계책임관 vs 통합지출관 (회계령 제5조①) on save and at the year-end closing; 재정보증 (제50조;
 * 회계령 제56조) at the operations it is enforced at, on the edge 9,999,999 / 10,000,000.
 */
const chief: TestCaller = { sub: 'ca-jung', roles: ['chief_accountant'], gov: GOV };
const pettyCashier: TestCaller = { sub: 'pc-yoon', roles: ['petty_cash_cashier'], gov: GOV, dept: 'D100' };
const depositCashier: TestCaller = { sub: 'dc-han', roles: ['deposit_cashier'], gov: GOV, dept: 'D100' };
const disbursing: TestCaller = { sub: 'do-park', roles: ['disbursing_officer'], gov: GOV };
const finance: TestCaller = { sub: 'fo-kim', roles: ['finance_officer'], gov: GOV };

let revision = 0;
const configure = async (config: Record<string, unknown>) => {
  const answer = await callRoute(putConcurrentRoles, {
    caller: chief,
    params: { gov: GOV },
    body: { expectedRevision: revision, offices: [], exceptions: [], ...config },
  });
  if (answer.status === 200) revision = answer.body.revision;
  return answer;
};
let keys = 0;
const custody = (route: typeof depositCustody | typeof withdrawCustody, caller: TestCaller, custodyId: string, body: object) =>
  callRoute(route, { caller, params: { gov: GOV, year: YEAR, custodyId }, body, headers: { 'Idempotency-Key': `ao-${++keys}` } });
const bidDeposit = (amount: number) => ({
  amount,
  date: '2026-11-30',
  fund: FUND,
  guaranteeKind: 'bid-guarantee',
  depositor: '2345678901',
  condition: '낙찰 후 계약 미체결 시 귀속',
});
const commit = (caller: TestCaller) =>
  callRoute(createCommitment, {
    caller,
    params: { gov: GOV, year: YEAR },
    body: { lineId: 'ao-line', amount: 10_000, counterparty: '문구점', contractRef: `C-AO-${keys + 1}`, date: '2026-11-30' },
    headers: { 'Idempotency-Key': `ao-${++keys}` },
  });
const advance = {
  advanceId: 'PC-AO-1',
  item: 2,
  cashier: '회계과 일상경비 출납원',
  advancedOn: '2026-11-02',
  period: { from: '2026-11-02', to: '2026-11-30' },
  allocations: { '201-01': 1_000_000 },
};
const advanceParams = { gov: GOV, year: YEAR, advanceId: advance.advanceId };
const spend = (caller: TestCaller, spendingId: string) =>
  callRoute(pettyCash.recordPettyCashSpending, {
    caller,
    params: advanceParams,
    body: { spendingId, statItem: '201-01', date: '2026-11-10', amount: 100_000, payee: '(주)문구', description: '사무용품' },
  });

beforeAll(async () => {
  await useTestStack();
  await seedLine({ lineId: 'ao-line', allotted: 5_000_000 });
});

describe('the 출납원 of 지방회계법 제44조③ at the routes of their work', () => {
  it('the 일상경비등 출납원 spends the advance and returns the rest; it orders no payment', async () => {
    expect(
      (await callRoute(pettyCash.advancePettyCash, { caller: disbursing, params: { gov: GOV, year: YEAR }, body: advance })).status,
    ).toBe(201);
    expect((await spend(pettyCashier, 'S-1')).status).toBe(201);
    const returned = await callRoute(pettyCash.returnPettyCash, {
      caller: pettyCashier,
      params: advanceParams,
      body: { returnId: 'R-1', date: '2026-11-30', amount: 50_000 },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(201);
    expect(returned.body.statement).toMatchObject({ advanced: 1_000_000, spent: 100_000, returned: 50_000, balance: 850_000 });
    const read = await callRoute(pettyCash.getPettyCashAdvance, { caller: pettyCashier, params: advanceParams });
    expect(read.status).toBe(200);
    expect(read.body.statement).toMatchObject({ balance: 850_000 });
    const order = await callRoute(orderPayment, {
      caller: pettyCashier,
      params: { gov: GOV, year: YEAR, resolutionId: 'RES-NONE-0001' },
      body: { amount: 1, date: '2026-11-30' },
      headers: { 'Idempotency-Key': 'ao-order' },
    });
    expect(order.status).toBe(403);
    expect(order.body.code).toBe('role-not-permitted');
  });

  it('the 세입세출외현금 출납원 takes in and returns a 보증금; it records no 일상경비 spending', async () => {
    await appliedPosting(await custody(depositCustody, depositCashier, 'BID-AO-1', bidDeposit(300_000)));
    await appliedPosting(
      await custody(withdrawCustody, depositCashier, 'BID-AO-1', { amount: 300_000, date: '2026-11-30', purpose: 'return' }),
    );
    const spent = await spend(depositCashier, 'S-X');
    expect(spent.status).toBe(403);
    expect(spent.body.code).toBe('role-not-permitted');
  });

  it('still refuses a 출납원 who is also 지출원 (지방회계법 제36조), whichever route it calls', async () => {
    const both: TestCaller = { sub: 'pc-do', roles: ['petty_cash_cashier', 'disbursing_officer'], gov: GOV, dept: 'D100' };
    const refused = await spend(both, 'S-2');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'concurrent-roles-not-allowed',
      context: { pair: 'disbursing-and-cash', article: '지방회계법 제36조' },
    });
  });
});

describe('채권관리관 + 현금수납 (지방재정법 제85조③): only under a recorded reason, each use logged', () => {
  const both: TestCaller = { sub: 'cl-oh', roles: ['claims_officer', 'deposit_cashier'], gov: GOV, dept: 'D-small' };
  const office = { office: 'D-small', headcount: 2, reference: '정원규칙 별표 2' };
  const exception = { pair: 'claims-and-receipt', office: 'D-small', subjects: ['cl-oh'], reference: '회계과-2026-0901' };

  it('refuses the pair, and an exception without a reason; logs the use of one with a reason', async () => {
    const refused = await custody(depositCustody, both, 'BID-AO-2', bidDeposit(100_000));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'concurrent-roles-not-allowed',
      context: { pair: 'claims-and-receipt', article: '지방재정법 제85조제3항', reasonRequired: true },
    });
    const noReason = await configure({ offices: [office], exceptions: [exception] });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'concurrent-roles-exception-not-lawful', context: { reasonRequired: true } });

    const reason = '정원 2명: 채권관리와 보증금 수납을 나눌 사람이 없음';
    expect((await configure({ offices: [office], exceptions: [{ ...exception, reason }] })).status).toBe(200);
    await appliedPosting(await custody(depositCustody, both, 'BID-AO-2', bidDeposit(100_000)));
    const log = await callRoute(listAuditRecords, {
      caller: chief,
      params: { gov: GOV },
      query: { from: '2026-11-01', to: '2026-12-31', underException: 'true' },
    });
    expect(log.body.items).toEqual([
      expect.objectContaining({
        operation: 'depositCustody.accepted',
        subject: 'cl-oh',
        exceptionUses: [
          {
            pair: 'claims-and-receipt',
            duties: ['채권관리관', '현금수납'],
            ground: '지방재정법 제85조제3항 단서',
            office: 'D-small',
            headcount: 2,
            reason,
            reference: '회계과-2026-0901',
          },
        ],
      }),
    ]);
  });
});

describe('회계책임관 vs 통합지출관 (회계령 제5조①)', () => {
  const appointments = (chiefSub: string, chiefGrade: number) => ({
    chiefAccountant: { subject: chiefSub, grade: chiefGrade, reference: '인사발령 2026-10' },
    integratedDisbursingOfficer: { subject: 'ido-seo', grade: 5, reference: '인사발령 2026-11' },
  });
  const closeYear = (caller: TestCaller) =>
    callRoute(requestClosing, { caller, params: { gov: GOV, year: YEAR }, body: { kind: 'year-end', period: '2026' } });

  it('refuses the same official or a junior one when the configuration is saved', async () => {
    const same = await configure({ appointments: appointments('IDO-seo', 4) });
    expect(same.status).toBe(422);
    expect(same.body).toMatchObject({ code: 'chief-accountant-not-separate', context: { article: '지방회계법 시행령 제5조제1항' } });
    const junior = await configure({ appointments: appointments('ca-jung', 5) });
    expect(junior.status).toBe(422);
    expect(junior.body).toMatchObject({
      code: 'chief-accountant-not-senior',
      context: { chiefAccountantGrade: 5, integratedDisbursingOfficerGrade: 5 },
    });
    const direct = await configure({ appointments: { ...appointments('ca-jung', 5), directSuperior: true } });
    expect(direct.status).toBe(200);
    expect(direct.body.appointments).toMatchObject({ directSuperior: true, chiefAccountant: { subject: 'ca-jung' } });
  });

  it('lets only the recorded 회계책임관 request the year-end closing, never the 통합지출관', async () => {
    const byDisbursing = await closeYear({ sub: 'ido-seo', roles: ['chief_accountant'], gov: GOV });
    expect(byDisbursing.status).toBe(403);
    expect(byDisbursing.body.code).toBe('chief-accountant-not-separate');
    const byAnother = await closeYear({ sub: 'ca-other', roles: ['chief_accountant'], gov: GOV });
    expect(byAnother.status).toBe(403);
    expect(byAnother.body.code).toBe('chief-accountant-not-appointed');
    // the recorded one passes this check and meets the closing's own (2026 cannot close before 10 February 2027)
    const byChief = await closeYear(chief);
    expect(byChief.body.code).not.toMatch(/^chief-accountant/);
  });
});

describe('재정보증 (지방회계법 제50조; 회계령 제56조: ≥ 1천만원)', () => {
  const guarantee = (subject: string, amount: number) => ({
    subject,
    amount,
    from: '2026-01-01',
    to: '2026-12-31',
    reference: '신원보증보험 2026-07',
  });

  it('is not enforced until the government keeps the register', async () => {
    expect((await commit(finance)).status).toBe(202);
  });

  it('refuses to record a guarantee of 9,999,999 won; records one of 10,000,000', async () => {
    const below = await configure({ fidelityGuarantees: [guarantee('fo-kim', 9_999_999)] });
    expect(below.status).toBe(422);
    expect(below.body).toMatchObject({
      code: 'fidelity-guarantee-below-minimum',
      context: { amount: 9_999_999, minimum: 10_000_000, article: '지방회계법 제50조제1항; 시행령 제56조' },
    });
    const exact = await configure({ fidelityGuarantees: [guarantee('fo-kim', 10_000_000)] });
    expect(exact.status).toBe(200);
    expect(exact.body.fidelityGuarantees).toEqual([guarantee('fo-kim', 10_000_000)]);
  });

  it('then lets the guaranteed official commit and refuses the one without, and an official without at the payment order', async () => {
    expect((await commit(finance)).status).toBe(202);
    const unguarded = await commit({ sub: 'fo-lee', roles: ['finance_officer'], gov: GOV });
    expect(unguarded.status).toBe(403);
    expect(unguarded.body).toMatchObject({ code: 'fidelity-guarantee-missing', context: { role: 'finance_officer', minimum: 10_000_000 } });
    const order = await callRoute(orderPayment, {
      caller: disbursing,
      params: { gov: GOV, year: YEAR, resolutionId: 'RES-NONE-0001' },
      body: { amount: 1, date: '2026-11-30' },
      headers: { 'Idempotency-Key': 'ao-order-2' },
    });
    expect(order.status).toBe(403);
    expect(order.body.code).toBe('fidelity-guarantee-missing');
    // the bank is no 회계관계공무원: its deposits need none
    const bank: TestCaller = { sub: 'bank-seoul', roles: ['treasury_bank'], gov: GOV };
    expect((await custody(depositCustody, bank, 'BID-AO-3', bidDeposit(10_000))).status).toBe(202);
  });
});
