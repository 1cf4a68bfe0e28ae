import { beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '#shared/routes/contract.ts';
import * as execution from '#shared/routes/execution.ts';
import {
  allot,
  closeYear,
  collect,
  expectEntityTotals,
  fund,
  officials,
  posting,
  roadContractor,
  setUpAccounts,
  spend,
} from '#test/integration/accounting/support.ts';
import { expenditure, finalBudget, reserve, revenue } from '#test/integration/budget/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * The golden year's companion for the payment desk (issue #16): one 일반회계 GEN whose year has a salary
 * with 원천징수 and its remittance, a 반납 of an over-payment, and a 하자보수보증금 held as 세입세출외현금,
 * through the HTTP handlers, the postings consumer and the year-end closing. Every figure by hand:
 *
 *   취득세 징수결정 and 수납 10,000,000 (03-02)              Dr 1103 / Cr 4201; Dr 1101 / Cr 1103
 *   급여 (101, 행정운영경비) 3,000,000 paid 03-25, withheld 소득세 300,000 + 지방소득세 30,000 + 국민연금 70,000
 *                                                            Dr 5201 / Cr 2101; Dr 2101 3,000,000 / Cr 1101 2,600,000, Cr 2102 400,000
 *   소득세 remitted 04-10 300,000                             Dr 2102 / Cr 1101
 *   일반운영비 (201) 800,000 paid 05-06, 반납 100,000 05-20  Dr 5202 / Cr 2101; Dr 2101 / Cr 1101; Dr 1101 / Cr 5202
 *   공사 계약 C-GOLD-01 (201-02) 5,000,000: 선금 60% 3,000,000 paid 06-10 (회계령 제44조); 기성 06-25 of 2,500,000 nets
 *     3,000,000 × 2,500,000 ÷ 5,000,000 = 1,500,000 (payable 1,000,000 paid 06-26); 준공 07-06 of the other 2,500,000
 *     nets the remaining 1,500,000 (payable 1,000,000 paid 07-10): the 선금 is netted to zero, the cost is the contract's
 *                                                            Dr 5202 3,000,000 / Cr 2101; …; Dr 5202 1,000,000 × 2 / Cr 2101; …
 *   하자보수보증금 2,000,000 deposited 06-30 (named on the contract) Dr 1101 / Cr 2302 (장기예수보증금, 회계기준규칙 제24조)
 *
 *   현금 10,000,000 − 2,600,000 − 300,000 − 800,000 + 100,000 − 3,000,000 − 2,000,000 + 2,000,000 = 3,400,000 = 자산
 *   부채 예수금 400,000 − 300,000 = 100,000 + 장기예수보증금 2,000,000   = 2,100,000
 *   순자산 3,400,000 − 2,100,000                                          = 1,300,000
 *   재정운영순원가 (관리운영비) 3,000,000 + 800,000 − 100,000 + 5,000,000 = 8,700,000
 *   재정운영결과 8,700,000 − 지방세 10,000,000                            = −1,300,000 (= −순자산: the first year)
 *   fund status: budget cash 3,400,000 − 세입세출외현금 (100,000 + 2,000,000) = 1,300,000
 *   현금흐름표, all 경상활동 (제36조①), gross (제37조②): 유입 지방세수입 10,000,000 + 세입세출외현금 수입 2,000,000
 *     (the 보증금); 유출 인건비 2,600,000 (the net: the 400,000 withheld stays in the 금고) + 물건비 800,000 − 100,000
 *     (반납, within its line) + 5,000,000 (선금 and both 검사 payments on 201-02) = 5,700,000 + 세입세출외현금 지출
 *     300,000 (the 소득세 remitted); 12,000,000 − 8,600,000 = 3,400,000 = 기초 0 + 3,400,000 = 기말 (제37조①)
 */
await useTestStack();

const GOV = '43000';
const YEAR = 2026;
const c = officials(GOV);
const LINES = {
  salary: 'E.GEN.P01.U01.D001.101-01',
  office: 'E.GEN.P01.U01.D001.201-01',
  service: 'E.GEN.P01.U01.D001.201-02',
  tax: 'R.GEN.1.ACQTAX',
};
const base = { gov: GOV, year: YEAR };
const inspector: TestCaller = { sub: `insp-${GOV}`, roles: ['department_official'], gov: GOV };
const CONTRACT = 'C-GOLD-01';
const contractCall = (route: (typeof contracts)[keyof typeof contracts], caller: TestCaller, body: object) =>
  callRoute(route, { caller, params: { gov: GOV, contractId: CONTRACT }, body });
const service = {
  contractId: CONTRACT,
  purpose: '도로 보수 공사',
  method: 'general-bid',
  nature: 'works',
  counterparty: roadContractor,
  amount: 5_000_000,
  signedOn: '2026-06-01',
  period: { start: '2026-06-02', end: '2026-07-05' },
  type: { kind: 'single' },
  guarantees: { defect: { rateBp: 1_000, years: 2 } },
};

/** 지출결의 → 지급명령 on its contract basis → 지급, on a commitment of the contract. */
async function payOnContract(commitmentId: string, amount: number, date: string, contractBasis: object) {
  const resolve = await posting(execution.resolvePayment, c.financeOfficer, { ...base, commitmentId }, { amount, date });
  const order = await posting(
    execution.orderPayment,
    c.disbursingOfficer,
    { ...base, resolutionId: resolve.postingId },
    { amount, date, contractBasis },
  );
  await posting(execution.confirmPayment, c.bank, { ...base, orderId: order.postingId }, { date });
}

/** 지출원인행위 → 지출결의 → 지급명령 (with withholdings) → 지급; the payment order's id. */
const pay = async (lineId: string, amount: number, date: string, withholdings?: { kind: string; amount: number }[]) =>
  (await spend(GOV, YEAR, lineId, amount, date, withholdings))[2]!.postingId;

beforeAll(async () => {
  await setUpAccounts(GOV, [{ code: 'GEN', name: '일반회계', kind: 'general' }]);
  const line = (statItem: string, amount: number) =>
    expenditure({
      account: 'GEN',
      policyCode: 'P01',
      unitCode: 'U01',
      detailCode: 'D001',
      statItem,
      sector: '016',
      amount,
      structureType: 'administrative',
    });
  await finalBudget(GOV, YEAR, 'original', [
    line('101-01', 3_000_000),
    line('201-01', 1_000_000),
    line('201-02', 5_000_000),
    reserve(90_000), // the 일반회계's 예비비 (지방재정법 §43①), never spent
    revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 9_090_000 }),
  ]);
  await allot(GOV, YEAR, LINES.salary, 3_000_000);
  await allot(GOV, YEAR, LINES.office, 1_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-03', 3_000_000);
  await allot(GOV, YEAR, LINES.service, 5_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-05', 800_000);
  await fund(GOV, YEAR, 'GEN', '2026-06', 4_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-07', 1_000_000);
});

describe('golden year, payment desk: withholdings, a 선금, a 반납 and a 보증금 in the statements', () => {
  it('posts the year through the handlers', async () => {
    await collect(GOV, YEAR, LINES.tax, 10_000_000, 10_000_000, '2026-03-02');
    await pay(LINES.salary, 3_000_000, '2026-03-25', [
      { kind: 'income-tax', amount: 300_000 },
      { kind: 'local-income-tax', amount: 30_000 },
      { kind: 'national-pension', amount: 70_000 },
    ]);
    await posting(
      execution.withdrawCustody,
      c.bank,
      { ...base, custodyId: 'WH-2026-03-income-tax' },
      { amount: 300_000, date: '2026-04-10', purpose: 'remittance' },
    );
    const office = await pay(LINES.office, 800_000, '2026-05-06');
    await posting(
      execution.returnPayment,
      c.bank,
      { ...base, orderId: office },
      { amount: 100_000, date: '2026-05-20', reason: '과다 지급' },
    );
    // The 선금 of a works contract, netted in part by a 기성 payment and the rest at its 준공 (회계령 제44조; issue #16's 선금급).
    expect((await callRoute(contracts.registerContract, { caller: c.financeOfficer, params: { gov: GOV }, body: service })).status).toBe(
      201,
    );
    const commitment = await posting(execution.createCommitment, c.financeOfficer, base, {
      lineId: LINES.service,
      amount: 5_000_000,
      counterparty: '1234567891',
      contractRef: CONTRACT,
      contractId: CONTRACT,
      date: '2026-06-01',
    });
    const claim = await contractCall(contracts.claimContractAdvance, c.financeOfficer, {
      advanceId: 'ADV-1',
      claimedOn: '2026-06-05',
      amount: 3_000_000,
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    await payOnContract(commitment.postingId, 3_000_000, '2026-06-10', { contractId: CONTRACT, advanceId: 'ADV-1' });
    /** A 검사 (the 기성 or the 준공) of 2,500,000 nets 1,500,000 of the 선금 and pays the other 1,000,000. */
    const inspectAndPay = async (inspectionId: string, kind: 'progress' | 'completion', inspectedOn: string, paidOn: string) => {
      const inspection = { inspectionId, kind, inspectedOn, inspector: '이검사', value: 2_500_000 };
      const recorded = await contractCall(contracts.recordContractInspection, inspector, inspection);
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
      expect(recorded.body.inspections.at(-1)).toMatchObject({ inspectionId, netted: 1_500_000, payable: 1_000_000 });
      await payOnContract(commitment.postingId, 1_000_000, paidOn, { contractId: CONTRACT, inspectionId });
    };
    await inspectAndPay('PROGRESS-1', 'progress', '2026-06-25', '2026-06-26');
    const afterProgress = await callRoute(contracts.getContract, { caller: c.financeOfficer, params: { gov: GOV, contractId: CONTRACT } });
    expect(afterProgress.body.advance).toMatchObject({ paid: 3_000_000, netted: 1_500_000, unnetted: 1_500_000 });
    await inspectAndPay('FINAL', 'completion', '2026-07-06', '2026-07-10');
    await posting(
      execution.depositCustody,
      c.bank,
      { ...base, custodyId: 'GD-ROAD-0001' },
      {
        amount: 2_000_000,
        date: '2026-06-30',
        fund: 'GEN',
        guaranteeKind: 'defect-guarantee',
        depositor: '(주)가나다건설',
        contractId: CONTRACT,
        condition: '하자담보책임기간 2년 경과 후 반환',
      },
    );
    // The contract names the deposit once the bank has received it (defect-deposit.ts).
    const named = await contractCall(contracts.recordContractDefectDeposit, c.financeOfficer, { depositRef: 'GD-ROAD-0001' });
    expect(named.body.advance).toMatchObject({ paid: 3_000_000, netted: 3_000_000, unnetted: 0 });
    const status = await callRoute(execution.getFundStatus, { caller: c.ministry, params: base });
    expect(status.body).toMatchObject({ total: { cash: '3400000', budgetCash: '1300000', custodyCash: '2100000' } });
  });

  it('closes the year: the statements equal the hand figures, 보관금 among the liabilities', async () => {
    const statements = await closeYear(GOV, YEAR);
    expectEntityTotals(statements, 'GEN', {
      assets: '3400000',
      liabilities: '2100000',
      netAssets: '1300000',
      netOperatingCost: '8700000',
      operatingResult: '-1300000',
      closingCash: '3400000',
      closingCashPerBooks: '3400000',
    });
    const rows = (statements.tables['financial-position'].rows as Record<string, string>[]).filter(
      (r) => r.scope === 'GEN' && r.scopeKind !== '유형별',
    );
    const position = Object.fromEntries(rows.map((r) => [r.accountName, r.current]));
    expect(position).toMatchObject({ 현금및현금성자산: '3400000', 예수금: '100000', 장기예수보증금: '2000000', 부채총계: '2100000' });
    const cash = Object.fromEntries(
      (statements.tables['cash-flow'].rows as Record<string, string>[])
        .filter((r) => r.scope === 'GEN' && r.scopeKind !== '유형별')
        .map((r) => [r.accountName, r.current]),
    );
    const flows = Object.fromEntries(Object.entries(cash).filter(([name]) => /^유[입출]: /.test(name)));
    expect(flows).toEqual({
      '유입: 지방세수입': '10000000',
      '유입: 세입세출외현금 수입': '2000000',
      '유출: 세입세출외현금 지출': '300000',
      '유출: 인건비': '2600000',
      '유출: 물건비': '5700000',
    });
    expect(cash).toMatchObject({ '경상활동으로 인한 현금흐름': '3400000', '현금의 증감': '3400000', '기말의 현금': '3400000' });
  });
});
