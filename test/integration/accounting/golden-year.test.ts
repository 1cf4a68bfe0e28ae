import { beforeAll, describe, expect, it } from 'vitest';
import { getDebt, issueDebt, recordDebtRepayment } from '#shared/routes/debt.ts';
import { listAssetRegister, recordAdjustingEntries } from '#shared/routes/accounting.ts';
import { divertBudget, getExecutionRollup, recodeExecution, transferBudget, useBudgetReserve } from '#shared/routes/budget.ts';
import { recordCarryOver, requestClosing } from '#shared/routes/settlement.ts';
import * as contracts from '#shared/routes/contract.ts';
import * as execution from '#shared/routes/execution.ts';
import { getNationalExecutionRate } from '#shared/routes/execution.ts';
import { expenditure, finalBudget, revenue } from '#test/integration/budget/support.ts';
import { drainSettlementQueue } from '#test/integration/settlement/fixture.ts';
import { ref } from '#shared/domain/reports/xlsx.ts';
import { sheetCells, xlsxParts, xmlProblem } from '#test/support/xlsx-cells.ts';
import {
  allot,
  archivedFile,
  archivedReport,
  collect,
  commitUnpaid,
  fund,
  officials,
  posting,
  roadContractor,
  setUpAccounts,
  spend,
} from '#test/integration/accounting/support.ts';
import type { AppliedPosting } from '#test/integration/accounting/support.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';

/**
 * The golden fiscal year of issue #13 through the HTTP handlers on the embedded stack: one
 * government with 일반회계 GEN, 기타특별회계 SPEC and 기금 FUND; the budget is formulated, allotted
 * and funded through the budget routes; every posting goes through the execution routes and the
 * postings consumer (journals by the journal map); the 회계책임관 records the carry-over and the
 * 결산정리분개; the year-end closing archives the statements. Every figure below is computed by hand.
 *
 * The year (the business clock stands at 2026-11-30, test/support/clock.ts):
 *   GEN  징수결정 취득세 8,000,000 (03-02), 수납 6,000,000 (04-01)          Dr 1103 / Cr 4201; Dr 1101 / Cr 1103
 *        지방채 LB2026-01: face 3,000,000, issued 04-01 at 2,940,000 (discount 60,000), matures 2031-03-31
 *          징수결정 and 수납 of the proceeds 2,940,000 (04-01)               Dr 1107 / Cr 2201; Dr 1101 / Cr 1107
 *        401 시설비 (사회기반시설, 부문 121 → 기능 120): the works contract C-ROAD-1 of 5,000,000 (issue #16), committed
 *          03-02; 선금 60% 3,000,000 (회계령 제44조) claimed 03-05, paid 03-12; 기성 05-29 of 2,500,000 nets
 *          3,000,000 × 2,500,000 ÷ 5,000,000 = 1,500,000 of the 선금 and pays 1,000,000 on 06-02; 준공 06-30 of the
 *          other 2,500,000 nets the remaining 1,500,000 and pays 1,000,000 on 07-03: 3,000,000 + 1,000,000 + 1,000,000
 *          = 5,000,000 paid, the 선금 netted to 0                              each Dr 1507 / Cr 2101; Dr 2101 / Cr 1101
 *          하자보수보증금 10% = 500,000 deposited 07-03 as 세입세출외현금 (no budget line)    Dr 1101 / Cr 2302 500,000
 *        101 인건비 (행정운영경비) 500,000 paid 03-25 with 원천징수 소득세 30,000 + 지방소득세 3,000 + 국민연금 22,000
 *          = 55,000: the gross executes the line, the net 445,000 goes to the payee
 *                                                       Dr 5201 / Cr 2101 500,000; Dr 2101 500,000 / Cr 1101 445,000, Cr 2102 55,000
 *          remitted 04-10: 소득세 30,000 and 지방소득세 3,000                 Dr 2102 / Cr 1101 33,000
 *          (국민연금 22,000 still held at 31 December: 예수금 22,000)
 *        201 일반운영비 (행정운영경비) 800,000 paid 05-06                       Dr 5202 / Cr 2101; …
 *          반납 100,000 on 05-20 (before 31 December: the line's executed amount comes back, 지방회계법 제27조②)
 *                                                                                Dr 1101 / Cr 5202 100,000
 *        702 기금전출금 → FUND 2,000,000 paid 05-10                            Dr 5303 (FUND) / Cr 2101 (FUND); …
 *        311 이자 30,000 paid 10-01                                              Dr 5301 / Cr 2101; …
 *        601 원금상환 of LB2026-01 500,000 paid 11-16 (조기상환 at face)       Dr 2201 / Cr 2101; Dr 2101 / Cr 1101
 *          and the same repayment in the debt register (R-2026-1, 11-16): outstanding 3,000,000 → 2,500,000
 *   FUND 7-3 전입금 ← GEN 2,000,000 assessed and received 05-11                 Dr 1107 (GEN) / Cr 4401 (GEN); Dr 1101 / Cr 1107
 *        501 융자 1,500,000 paid 06-01                                         Dr 1202 / Cr 2101; Dr 2101 / Cr 1101
 *   SPEC 2-1 경상적세외수입 1,000,000 assessed and received 03-20               Dr 1105 / Cr 4202; Dr 1101 / Cr 1105
 *        201 일반운영비 (정책사업, 부문 016 → 기능 010) 400,000 paid 04-10     Dr 5102 / Cr 2101; …
 *   201 and 101 share the 정책사업 P02: 201 5,450,000 (allotted 4,500,000) and 101 500,000 (allotted in full).
 *   budget changes (issue #14), budget only but for the 과목경정's journal, which stays inside 5202:
 *        예비비 사용결정 801 → 201 일반운영비 50,000; 전용 201 → a new 목 202-01 여비 of the same 정책사업
 *        100,000 (allotted); 과목경정 of 50,000 paid on 201 that belonged to 202: Cr 5202 / Dr 2101, Dr 5202 / Cr 2101;
 *        이용 201 (P02) → 702 기금전출금 (P03) 200,000 under 예산총칙 제3조 (never allotted or spent)
 *   carry-over: GEN 201 line, 사고이월 100,000 of a commitment left unpaid (budget only, no journal)
 *   결산정리 (31 Dec, 회계책임관):
 *     건설중인자산 대체: road ROAD-1 completed 2026-06-30, 20 years      Dr 1501 5,000,000 / Cr 1507 5,000,000
 *     감가상각 (제49조②, 월할 from June: 7 of 240 months)
 *        5,000,000 × 7 / 240 = 145,833.33 → 145,833                      Dr 5103 (기능 120) / Cr 1508 145,833
 *     대손충당금 (제46조): 미수세금 8,000,000 − 6,000,000 = 2,000,000 × 1/10 = 200,000   Dr 5302 / Cr 1104 200,000
 *     할인발행차금 (제54조): recognised Dr 2202 / Cr 2201 60,000; written off by the effective-interest method
 *        (②: 유효이자율, until each part's 최종 상환). The register schedule (bullet) pays 3,000,000 + 600,000
 *        표면이자 (4.00% on 1,825 days) on 2031-03-31: 10,000 accrues in each of the 60 months 2026-04 … 2031-03.
 *        The effective monthly rate solves 2,940,000 = Σ 10,000/(1+i)^t + 3,000,000/(1+i)^60:
 *        i = 0.0037057105772079 (computed apart with 50-digit decimals); the 차금 left (3,000,000 − carrying,
 *        carrying_t = carrying_{t−1}(1+i) − 10,000) after 2026-11 (t=8) 52,748.153, after 2026-12 (t=9) 51,826.490.
 *        The 500,000 repaid early on 11-16 (nothing was due: all of it early) is 1/6 of the 3,000,000 outstanding:
 *        written off at the repayment 52,748.153 / 6 = 8,791.359 → 8,791          Dr 5301 / Cr 2202 8,791
 *        written off through December: 60,000 − 51,826.490 × 5/6 = 16,811.258 → 16,811, of which scheduled
 *        16,811 − 8,791 = 8,020                                                    Dr 5301 / Cr 2202 8,020
 */
await useTestStack();
let repayment: AppliedPosting[] = [];
/** The payment desk's postings (issue #16), their journals checked below. */
const desk: Record<string, AppliedPosting> = {};

const GOV = '11000';
const YEAR = 2026;
const c = officials(GOV);
const LINES = {
  road: 'E.GEN.P01.U01.D001.401-01',
  office: 'E.GEN.P02.U02.D002.201-01',
  salary: 'E.GEN.P02.U02.D002.101-01',
  toFund: 'E.GEN.P03.U03.D003.702-01',
  interest: 'E.GEN.P04.U04.D004.311-01',
  principal: 'E.GEN.P04.U04.D004.601-01',
  travel: 'E.GEN.P02.U02.D002.202-01',
  reserve: 'E.GEN.P09.U09.D009.801-01',
  tax: 'R.GEN.1.ACQTAX',
  bond: 'R.GEN.6.BOND',
  fromGen: 'R.FUND.7.TRIN',
  loan: 'E.FUND.P05.U05.D005.501-01',
  fee: 'R.SPEC.2.FEE',
  program: 'E.SPEC.P06.U06.D006.201-01',
};
const exp = (account: string, n: string, statItem: string, sector: string, amount: number, extra: object = {}) =>
  expenditure({
    account,
    policyCode: `P${n}`,
    unitCode: `U${n}`,
    detailCode: `D0${n}`,
    statItem,
    sector,
    amount,
    ...extra,
  });

/** What a client receives: the status beside the (problem+json) body. */
const answer = async (call: Promise<{ status: number; body: any }>) => {
  const { status, body } = await call;
  return { status, ...body };
};
const adjust = (body: object) => callRoute(recordAdjustingEntries, { params: { gov: GOV, year: YEAR }, body, caller: c.chief });
const completion = (amount: number) => ({
  kind: 'construction-completion',
  completions: [
    {
      assetId: 'ROAD-1',
      fund: 'GEN',
      assetAccount: '1501',
      amount,
      completedOn: '2026-06-30',
      // no usefulLifeYears: the 20 years the 401 line declares (LineAttributes.usefulLifeYears)
      lineId: LINES.road,
      structureType: 'program',
      function: '120',
    },
  ],
});
const allowance = { kind: 'allowance', rates: [{ fund: 'GEN', receivableAccount: '1103', numerator: 1, denominator: 10 }] };
const discount = { kind: 'discount-amortisation', bonds: [{ fund: 'GEN', debtId: 'LB2026-01', discount: 60_000 }] };

/**
 * The road ROAD-1 as a works contract (지방계약법 §14) behind the 401 line: a 60% 선금 (회계령 제44조) paid 03-12,
 * netted pro rata by the 기성 and the 준공 (each 2,500,000: nets 3,000,000 × 2,500,000 ÷ 5,000,000 = 1,500,000,
 * pays 1,000,000), then its 하자보수보증금 (10% = 500,000) deposited as 세입세출외현금.
 */
async function roadContract() {
  const contractId = 'C-ROAD-1';
  const base = { gov: GOV, year: YEAR };
  const inspector: TestCaller = { sub: `insp-${GOV}`, roles: ['department_official'], gov: GOV };
  const contractCall = async (route: (typeof contracts)[keyof typeof contracts], caller: TestCaller, body: object) => {
    const result = await callRoute(route, { caller, params: { gov: GOV, contractId }, body });
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
    return result.body;
  };
  const registered = await callRoute(contracts.registerContract, {
    caller: c.financeOfficer,
    params: { gov: GOV },
    body: {
      contractId,
      purpose: '도로 건설 공사',
      method: 'general-bid',
      nature: 'works',
      counterparty: roadContractor,
      amount: 5_000_000,
      signedOn: '2026-03-02',
      period: { start: '2026-03-03', end: '2026-06-30' },
      type: { kind: 'single' },
      guarantees: { defect: { rateBp: 1_000, years: 2 } },
    },
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const commitment = await posting(execution.createCommitment, c.financeOfficer, base, {
    lineId: LINES.road,
    amount: 5_000_000,
    counterparty: '1234567891',
    contractRef: contractId,
    contractId,
    date: '2026-03-02',
  });
  /** 지출결의 → 지급명령 on its contract basis (the 선금 claim or the 검사) → 지급. */
  const pay = async (amount: number, date: string, contractBasis: object) => {
    const resolve = await posting(
      execution.resolvePayment,
      c.financeOfficer,
      { ...base, commitmentId: commitment.postingId },
      { amount, date },
    );
    const order = await posting(
      execution.orderPayment,
      c.disbursingOfficer,
      { ...base, resolutionId: resolve.postingId },
      { amount, date, contractBasis },
    );
    await posting(execution.confirmPayment, c.bank, { ...base, orderId: order.postingId }, { date });
    return resolve;
  };
  await contractCall(contracts.claimContractAdvance, c.financeOfficer, { advanceId: 'ADV-1', claimedOn: '2026-03-05', amount: 3_000_000 });
  desk.advance = await pay(3_000_000, '2026-03-12', { contractId, advanceId: 'ADV-1' });
  return {
    async inspectAndPay(inspectionId: string, kind: 'progress' | 'completion', inspectedOn: string, paidOn: string) {
      const inspection = { inspectionId, kind, inspectedOn, inspector: '이검사', value: 2_500_000 };
      const recorded = await contractCall(contracts.recordContractInspection, inspector, inspection);
      expect(recorded.inspections.at(-1)).toMatchObject({ inspectionId, netted: 1_500_000, payable: 1_000_000 });
      await pay(1_000_000, paidOn, { contractId, inspectionId });
    },
    async depositDefectGuarantee(date: string) {
      desk.deposit = await posting(
        execution.depositCustody,
        c.bank,
        { ...base, custodyId: 'GD-ROAD-1' },
        {
          amount: 500_000,
          date,
          fund: 'GEN',
          guaranteeKind: 'defect-guarantee',
          depositor: '(주)가나다건설',
          contractId,
          condition: '하자담보책임기간 2년 경과 후 반환',
        },
      );
      const named = await contractCall(contracts.recordContractDefectDeposit, c.financeOfficer, { depositRef: 'GD-ROAD-1' });
      expect(named.advance).toMatchObject({ paid: 3_000_000, netted: 3_000_000, unnetted: 0 });
    },
  };
}

beforeAll(async () => {
  await setUpAccounts(GOV, [
    { code: 'GEN', name: '일반회계', kind: 'general' },
    { code: 'SPEC', name: '주차장특별회계', kind: 'other-special' },
    { code: 'FUND', name: '재난관리기금', kind: 'fund' },
  ]);
  // Each 회계 balances: GEN 13,600,000 (예비비 100,000 ≤ 1%); FUND 2,000,000; SPEC 1,000,000.
  await finalBudget(
    GOV,
    YEAR,
    'original',
    [
      exp('GEN', '01', '401-01', '121', 5_000_000, { assetClass: 'infrastructure', usefulLifeYears: 20 }),
      exp('GEN', '02', '201-01', '016', 5_450_000, { structureType: 'administrative' }),
      exp('GEN', '02', '101-01', '016', 500_000, { structureType: 'administrative' }),
      exp('GEN', '03', '702-01', '016', 2_000_000, { internalCounterpart: 'FUND' }),
      exp('GEN', '04', '311-01', '016', 50_000, { structureType: 'financial' }),
      exp('GEN', '04', '601-01', '016', 500_000, { structureType: 'financial', debtInstrument: 'bond' }),
      exp('GEN', '09', '801-01', '016', 100_000, { structureType: 'administrative' }),
      revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 10_600_000 }),
      revenue({ account: 'GEN', category: '6', item: 'BOND', name: '지방채', amount: 3_000_000, debtInstrument: 'bond' }),
      revenue({
        account: 'FUND',
        category: '7',
        item: 'TRIN',
        name: '일반회계전입금',
        amount: 2_000_000,
        revenueCode: '7-3',
        internalCounterpart: 'GEN',
      }),
      exp('FUND', '05', '501-01', '016', 2_000_000),
      revenue({ account: 'SPEC', category: '2', item: 'FEE', name: '주차요금', amount: 1_000_000, revenueCode: '2-1' }),
      exp('SPEC', '06', '201-01', '016', 1_000_000),
    ],
    [],
    {
      transferClauses: [
        { clause: '제3조', text: '행정운영경비는 기금전출금으로 이용할 수 있다', account: 'GEN', from: ['P02'], to: ['P03'] },
      ],
    },
  );
  for (const [line, amount] of [
    [LINES.road, 5_000_000],
    [LINES.office, 4_500_000], // 950,000 left unallotted: a 전용 moves only what is neither allotted nor committed
    [LINES.salary, 500_000],
    [LINES.toFund, 2_000_000],
    [LINES.interest, 50_000],
    [LINES.principal, 500_000],
    [LINES.loan, 2_000_000],
    [LINES.program, 1_000_000],
  ] as const)
    await allot(GOV, YEAR, line, amount);
  for (const [account, month, amount] of [
    ['GEN', '2026-03', 3_500_000], // the 선금 3,000,000 and the salary's gross 500,000
    ['GEN', '2026-05', 2_800_000],
    ['GEN', '2026-06', 1_000_000], // the 기성 payment
    ['GEN', '2026-07', 1_000_000], // the 준공 payment
    ['GEN', '2026-10', 30_000],
    ['GEN', '2026-11', 500_000],
    ['FUND', '2026-06', 1_500_000],
    ['SPEC', '2026-04', 400_000],
  ] as const)
    await fund(GOV, YEAR, account, month, amount);
  const bond = {
    debtId: 'LB2026-01',
    kind: 'local-bond',
    name: '2026 도로건설채',
    principal: 3_000_000,
    rateBp: 400,
    issueDate: '2026-04-01',
    maturityDate: '2031-03-31',
    method: 'bullet',
  };
  expect((await callRoute(issueDebt, { params: { gov: GOV }, body: bond, caller: c.chief })).status).toBe(201);

  await collect(GOV, YEAR, LINES.tax, 8_000_000, 6_000_000, '2026-03-02');
  const road = await roadContract();
  desk.salary = (
    await spend(GOV, YEAR, LINES.salary, 500_000, '2026-03-25', [
      { kind: 'income-tax', amount: 30_000 },
      { kind: 'local-income-tax', amount: 3_000 },
      { kind: 'national-pension', amount: 22_000 },
    ])
  )[3]!;
  await collect(GOV, YEAR, LINES.fee, 1_000_000, 1_000_000, '2026-03-20');
  await collect(GOV, YEAR, LINES.bond, 2_940_000, 2_940_000, '2026-04-01');
  await spend(GOV, YEAR, LINES.program, 400_000, '2026-04-10');
  for (const kind of ['income-tax', 'local-income-tax'])
    desk[kind] = await posting(
      execution.withdrawCustody,
      c.bank,
      { gov: GOV, year: YEAR, custodyId: `WH-2026-03-${kind}` },
      {
        amount: kind === 'income-tax' ? 30_000 : 3_000,
        date: '2026-04-10',
        purpose: 'remittance',
      },
    );
  const office = (await spend(GOV, YEAR, LINES.office, 800_000, '2026-05-06'))[2]!.postingId;
  desk.returned = await posting(
    execution.returnPayment,
    c.bank,
    { gov: GOV, year: YEAR, orderId: office },
    { amount: 100_000, date: '2026-05-20', reason: '과다 지급' },
  );
  await spend(GOV, YEAR, LINES.toFund, 2_000_000, '2026-05-10');
  await collect(GOV, YEAR, LINES.fromGen, 2_000_000, 2_000_000, '2026-05-11');
  await spend(GOV, YEAR, LINES.loan, 1_500_000, '2026-06-01');
  await road.inspectAndPay('PROGRESS-1', 'progress', '2026-05-29', '2026-06-02');
  await road.inspectAndPay('FINAL', 'completion', '2026-06-30', '2026-07-03');
  await road.depositDefectGuarantee('2026-07-03');
  await spend(GOV, YEAR, LINES.interest, 30_000, '2026-10-01');
  // 601 원금상환: the expenditure books the liability's fall; the debt register records the same repayment.
  repayment = await spend(GOV, YEAR, LINES.principal, 500_000, '2026-11-16');
  const repaid = await callRoute(recordDebtRepayment, {
    params: { gov: GOV, debtId: 'LB2026-01' },
    body: { reference: 'R-2026-1', amount: 500_000, date: '2026-11-16' },
    caller: c.chief,
  });
  expect(repaid.status, JSON.stringify(repaid.body)).toBe(201);
}, 240_000);

describe('the golden year of three 회계', () => {
  it('repays bond principal on 601: the 지출결의 lowers 지방채증권, the 지급 pays it, the register agrees', async () => {
    const [, resolved, , paid] = repayment;
    expect(resolved?.journal?.lines).toEqual([
      { account: '2201', debit: 500_000, credit: 0 },
      { account: '2101', debit: 0, credit: 500_000 },
    ]);
    expect(paid?.journal?.lines).toEqual([
      { account: '2101', debit: 500_000, credit: 0 },
      { account: '1101', debit: 0, credit: 500_000 },
    ]);
    const debt = await callRoute(getDebt, { params: { gov: GOV, debtId: 'LB2026-01' }, caller: c.chief });
    expect(debt.body).toMatchObject({ principal: 3_000_000, repaid: 500_000, outstanding: 2_500_000 });
  });

  it('books the payment desk (issue #16): the 선금 on 1507, 원천징수 into 예수금 and out, the 반납, the 보증금, each balanced', () => {
    const dr = (account: string, amount: number) => ({ account, debit: amount, credit: 0 });
    const cr = (account: string, amount: number) => ({ account, debit: 0, credit: amount });
    expect(desk.advance?.journal?.lines).toEqual([dr('1507', 3_000_000), cr('2101', 3_000_000)]);
    // the gross 500,000 leaves 미지급금: 445,000 in cash to the payee, 55,000 held as 예수금 (세입세출외현금)
    expect(desk.salary?.journal?.lines).toEqual([dr('2101', 500_000), cr('1101', 445_000), cr('2102', 55_000)]);
    expect(desk['income-tax']?.journal?.lines).toEqual([dr('2102', 30_000), cr('1101', 30_000)]);
    expect(desk['local-income-tax']?.journal?.lines).toEqual([dr('2102', 3_000), cr('1101', 3_000)]);
    expect(desk.returned?.journal?.lines).toEqual([dr('1101', 100_000), cr('5202', 100_000)]);
    expect(desk.deposit?.journal?.lines).toEqual([dr('1101', 500_000), cr('2302', 500_000)]);
    for (const [name, applied] of Object.entries(desk)) {
      const lines = applied.journal?.lines ?? [];
      const sum = (side: 'debit' | 'credit') => lines.reduce((total, line) => total + line[side], 0);
      expect(sum('debit'), name).toBe(sum('credit'));
    }
  });

  it('changes the budget during the year: a 예비비 사용, a 전용 into a new 목, an 이용 and a 과목경정 (issue #14)', async () => {
    const head: TestCaller = { sub: `head-${GOV}`, roles: ['head'], gov: GOV };
    const change = async (
      route: typeof divertBudget | typeof useBudgetReserve | typeof recodeExecution | typeof transferBudget,
      body: object,
    ) => {
      const result = await callRoute(route, { params: { gov: GOV, year: YEAR }, body, caller: head });
      expect(result.status, JSON.stringify(result.body)).toBe(201);
      return result.body;
    };
    await change(useBudgetReserve, { from: LINES.reserve, to: LINES.office, amount: 50_000, reference: 'Y-1', reason: '청사 긴급 보수' });
    await change(divertBudget, { from: LINES.office, to: LINES.travel, amount: 100_000, reference: 'D-1', reason: '현장 점검 출장 증가' });
    await allot(GOV, YEAR, LINES.travel, 100_000);
    await change(transferBudget, { from: LINES.office, to: LINES.toFund, amount: 200_000, reference: 'T-1', reason: '기금 적립 확대' });
    const recoded = await change(recodeExecution, {
      from: LINES.office,
      to: LINES.travel,
      amount: 50_000,
      reference: 'K-1',
      reason: '출장비를 운영비로 잘못 집행',
    });
    // both 목 are 200 물건비 of a 행정운영경비 line: the expense is reversed and booked again on 5202
    expect(recoded.journal.lines).toEqual([
      { account: '5202', debit: 0, credit: 50_000 },
      { account: '2101', debit: 50_000, credit: 0 },
      { account: '5202', debit: 50_000, credit: 0 },
      { account: '2101', debit: 0, credit: 50_000 },
    ]);
  });

  it('records the 결산정리분개 from the ledger and the asset register, once per kind', async () => {
    // 건설중인자산 (사회기반시설) of GEN is 5,000,000 (the 401 postings): a completion of more is refused.
    const tooMuch = await answer(adjust(completion(5_000_001)));
    expect(tooMuch).toMatchObject({ status: 422, code: 'construction-balance-exceeded' });
    expect(tooMuch.context).toMatchObject({ transferred: '5000001', balance: '5000000', account: '1507' });

    // A completion with no useful life and no 401 line to take it from is refused; a line of another 목 too.
    const { lineId: _line, ...lifeless } = completion(5_000_000).completions[0]!;
    const noLife = await answer(adjust({ kind: 'construction-completion', completions: [lifeless] }));
    expect(noLife).toMatchObject({ status: 422, code: 'adjustment-not-possible' });
    expect(noLife.detail).toContain('no 401 line is named');
    const wrongLine = await answer(adjust({ kind: 'construction-completion', completions: [{ ...lifeless, lineId: LINES.office }] }));
    expect(wrongLine).toMatchObject({ status: 422, code: 'adjustment-not-possible' });
    expect(wrongLine.detail).toContain('not 401 시설비');

    const completed = await adjust(completion(5_000_000));
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.entries).toEqual([
      {
        fund: 'GEN',
        date: '2026-12-31',
        lines: [
          { account: '1501', debit: 5_000_000, credit: 0 },
          { account: '1507', debit: 0, credit: 5_000_000 },
        ],
      },
    ]);
    const register = await callRoute(listAssetRegister, { params: { gov: GOV }, caller: c.chief });
    expect(register.body.items).toEqual([
      {
        assetId: 'ROAD-1',
        fund: 'GEN',
        account: '1501',
        cost: '5000000',
        residual: '0',
        inService: '2026-06-30',
        usefulLifeYears: 20,
        structureType: '정책사업',
        function: '120',
        registeredYear: 2026,
      },
    ]);

    const depreciation = await adjust({ kind: 'depreciation' });
    expect(depreciation.body.entries).toEqual([
      {
        fund: 'GEN',
        date: '2026-12-31',
        lines: [
          { account: '5103', debit: 145_833, credit: 0, function: '120' },
          { account: '1508', debit: 0, credit: 145_833 },
        ],
      },
    ]);
    expect((await adjust(allowance)).body.entries[0].lines).toEqual([
      { account: '5302', debit: 200_000, credit: 0 },
      { account: '1104', debit: 0, credit: 200_000 },
    ]);
    expect((await adjust(discount)).body.entries.map((e: { lines: unknown }) => e.lines)).toEqual([
      [
        { account: '2202', debit: 60_000, credit: 0 },
        { account: '2201', debit: 0, credit: 60_000 },
      ],
      [
        { account: '5301', debit: 8_020, credit: 0 },
        { account: '2202', debit: 0, credit: 8_020 },
      ],
      [
        { account: '5301', debit: 8_791, credit: 0 },
        { account: '2202', debit: 0, credit: 8_791 },
      ],
    ]);

    // Idempotent per (year, kind): the same request answers what was recorded; other figures are refused.
    const again = await adjust({ kind: 'depreciation' });
    expect(again.status).toBe(200);
    expect(again.body.recordedAt).toBe(depreciation.body.recordedAt);
    const other = await answer(adjust({ ...allowance, rates: [{ ...allowance.rates[0], numerator: 2 }] }));
    expect(other).toMatchObject({ status: 409, code: 'adjustment-recorded' });
    // Only the 회계책임관 records them.
    const byOfficer = await callRoute(recordAdjustingEntries, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'depreciation' },
      caller: c.financeOfficer,
    });
    expect(byOfficer.status).toBe(403);
  });

  it('closes the year and archives the statements per 회계, per type and combined, equal to the hand figures', async () => {
    // 사고이월 carries a commitment made and not paid (지방재정법 제50조②1): no journal, the figures stand.
    const late = await commitUnpaid(GOV, YEAR, LINES.office, 100_000, '2026-11-02');
    const carry = await callRoute(recordCarryOver, {
      params: { gov: GOV, year: YEAR, lineId: LINES.office },
      body: { kind: 'accident', ground: 'commitment', amount: 100_000, reason: '계약 지연', commitmentIds: [late.postingId] },
      caller: c.chief,
    });
    expect(carry.status, JSON.stringify(carry.body)).toBe(200);
    const closing = await callRoute(requestClosing, {
      params: { gov: GOV, year: YEAR },
      body: { kind: 'year-end', period: String(YEAR), backfill: true },
      caller: c.chief,
    });
    expect(closing.status, JSON.stringify(closing.body)).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);

    const statements = await archivedReport(GOV, YEAR, 'financial-statements');
    /*
     * GEN (일반회계; alone in its type, so 개별 = 유형별):
     *   현금 6,000,000 + 2,940,000 − 5,000,000 (the road) − 445,000 (급여 net) − 33,000 (remitted) − 800,000 + 100,000 (반납)
     *     − 2,000,000 − 30,000 − 500,000 + 500,000 (보증금) = 732,000
     *   미수세금 2,000,000 − 대손충당금 200,000; 유동자산 732,000 + 1,800,000 = 2,532,000
     *   사회기반시설 도로 5,000,000 (선금 and both 검사 payments on 1507) − 감가상각누계액 145,833 = 4,854,167
     *   자산 2,532,000 + 4,854,167 = 7,386,167
     *   부채: 예수금 55,000 − 33,000 = 22,000 (유동부채); 지방채증권 2,940,000 + 60,000 − 상환 500,000 = 2,500,000
     *     − 할인발행차금 (60,000 − 16,811) 43,189 = 2,456,811; 장기예수보증금 500,000 (기타비유동부채, 제24조)
     *     = 22,000 + 2,456,811 + 500,000 = 2,978,811
     *   순자산 7,386,167 − 2,978,811 = 4,407,356 (the repayment moves cash and debt alike: no cost, 제53조; the
     *     세입세출외현금 moves cash and liabilities alike)
     *   재정운영표: 사업순원가 (기능 120) 감가상각비 145,833; 관리운영비 인건비 500,000 + 경비 800,000 − 100,000 = 1,200,000;
     *     비배분비용 이자 30,000 + 16,811 + 대손상각비 200,000 + 회계간전출금 2,000,000 = 2,246,811
     *     재정운영순원가 145,833 + 1,200,000 + 2,246,811 = 3,592,644
     *     재정운영결과 3,592,644 − 자체조달수익 (지방세) 8,000,000 = −4,407,356 (= −순자산: the first year)
     * FUND (기금): 현금 2,000,000 − 1,500,000 = 500,000; 장기융자금 1,500,000; 자산 = 순자산 2,000,000;
     *   재정운영순원가 0; 재정운영결과 0 − 전입금수익 (기타수익) 2,000,000 = −2,000,000
     * SPEC (기타특별회계): 현금 1,000,000 − 400,000 = 600,000 = 자산 = 순자산;
     *   사업순원가 (기능 010) 400,000 = 재정운영순원가; 재정운영결과 400,000 − 1,000,000 = −600,000
     * 통합: 내부거래 GEN 회계간전출금 2,000,000 and FUND 전입금수익 2,000,000 eliminated (제9조①)
     *   자산 7,386,167 + 2,000,000 + 600,000 = 9,986,167; 부채 2,978,811; 순자산 7,007,356
     *   재정운영순원가 3,592,644 − 2,000,000 + 400,000 + 0 = 1,992,644
     *   재정운영결과 1,992,644 − (8,000,000 + 1,000,000) = −7,007,356; 현금 732,000 + 500,000 + 600,000 = 1,832,000
     */
    const scope = (assets: number, liabilities: number, netOperatingCost: number, operatingResult: number, cash: number) => ({
      assets: String(assets),
      liabilities: String(liabilities),
      netAssets: String(assets - liabilities),
      netOperatingCost: String(netOperatingCost),
      operatingResult: String(operatingResult),
      closingCash: String(cash),
      closingCashPerBooks: String(cash),
    });
    const expected: Record<string, ReturnType<typeof scope>> = {
      'entity.GEN': scope(7_386_167, 2_978_811, 3_592_644, -4_407_356, 732_000),
      'type.general': scope(7_386_167, 2_978_811, 3_592_644, -4_407_356, 732_000),
      'entity.FUND': scope(2_000_000, 0, 0, -2_000_000, 500_000),
      'type.fund': scope(2_000_000, 0, 0, -2_000_000, 500_000),
      'entity.SPEC': scope(600_000, 0, 400_000, -600_000, 600_000),
      'type.other-special': scope(600_000, 0, 400_000, -600_000, 600_000),
      whole: scope(9_986_167, 2_978_811, 1_992_644, -7_007_356, 1_832_000),
    };
    for (const [key, figures] of Object.entries(expected)) {
      for (const [name, value] of Object.entries(figures)) expect(statements.totals[`${key}.${name}`], `${key}.${name}`).toBe(value);
    }

    type Row = Record<string, string>;
    const rows = (table: string, scopeName: string) =>
      (statements.tables[table].rows as Row[]).filter((r) => r.scope === scopeName && r.scopeKind !== '유형별');
    const figure = (table: string, scopeName: string, name: string) => rows(table, scopeName).find((r) => r.accountName === name)?.current;

    // 재정상태표 of GEN, line by line; 제25조②: 고정순자산 = 4,854,167 − 2,456,811 (지방채 for the road) = 2,397,356;
    // 특정순자산 0; 일반순자산 4,407,356 − 2,397,356 = 2,010,000. 세입세출외현금 sits among the liabilities: 예수금 22,000
    // (the 국민연금 withheld, not yet remitted) and 장기예수보증금 500,000 (the 하자보수보증금).
    const position = Object.fromEntries(rows('financial-position', 'GEN').map((r) => [r.accountName, r.current]));
    expect(position).toEqual({
      현금및현금성자산: '732000',
      미수세금: '2000000',
      미수세금대손충당금: '-200000',
      '유동자산 계': '2532000',
      도로: '5000000',
      '감가상각누계액(사회기반시설)': '-145833',
      '사회기반시설 계': '4854167',
      자산총계: '7386167',
      예수금: '22000',
      '유동부채 계': '22000',
      지방채증권: '2500000',
      지방채할인발행차금: '-43189',
      '장기차입부채 계': '2456811',
      장기예수보증금: '500000',
      '기타비유동부채 계': '500000',
      부채총계: '2978811',
      고정순자산: '2397356',
      특정순자산: '0',
      일반순자산: '2010000',
      순자산총계: '4407356',
      부채와순자산총계: '7386167',
    });
    // FUND (기금회계): 제25조③ — its 순자산 2,000,000 is not 고정순자산, so it is 특정순자산 (일반 0).
    expect(figure('financial-position', 'FUND', '특정순자산')).toBe('2000000');
    expect(figure('financial-position', 'FUND', '일반순자산')).toBe('0');
    // 통합: 고정순자산 the same 2,397,356; 특정 2,000,000; 일반순자산 7,007,356 − 2,397,356 − 2,000,000 = 2,610,000.
    expect(figure('financial-position', '통합', '특정순자산')).toBe('2000000');
    expect(figure('financial-position', '통합', '일반순자산')).toBe('2610000');
    expect(figure('financial-position', '통합', '장기융자금')).toBe('1500000');

    // 재정운영표 of GEN by 제26조.
    const operations = rows('operations', 'GEN').map((r) => [r.section, r.accountName, r.current]);
    expect(operations).toEqual([
      ['사업순원가 기능 120', '감가상각비', '145833'],
      ['사업순원가 기능 120', '총원가', '145833'],
      ['사업순원가 기능 120', '사업수익', '0'],
      ['사업순원가 기능 120', '사업순원가', '145833'],
      ['사업순원가', '사업순원가 합계', '145833'],
      ['관리운영비', '인건비(관리운영비)', '500000'],
      ['관리운영비', '경비(관리운영비)', '700000'],
      ['관리운영비', '관리운영비 계', '1200000'],
      ['비배분비용', '이자비용', '46811'],
      ['비배분비용', '대손상각비', '200000'],
      ['비배분비용', '회계간전출금', '2000000'],
      ['비배분비용', '비배분비용 계', '2246811'],
      ['비배분수익', '비배분수익 계', '0'],
      ['재정운영순원가', '재정운영순원가', '3592644'],
      ['자체조달수익', '지방세수익', '8000000'],
      ['자체조달수익', '자체조달수익 계', '8000000'],
      ['정부간이전수익', '정부간이전수익 계', '0'],
      ['기타수익', '기타수익 계', '0'],
      ['재정운영결과', '재정운영결과', '-4407356'],
    ]);
    // 통합: the 회계간전출금 is gone; 비배분비용 46,811 + 200,000 = 246,811; 자체조달수익 9,000,000.
    expect(figure('operations', '통합', '비배분비용 계')).toBe('246811');
    expect(figure('operations', '통합', '회계간전출금')).toBeUndefined();
    expect(figure('operations', '통합', '자체조달수익 계')).toBe('9000000');
    expect(figure('operations', '통합', '사업순원가 합계')).toBe('545833');

    // 현금흐름표 (제36조, gross flows, 제37조②): GEN 경상 유입 6,000,000 + 500,000 = 6,500,000, 유출 33,000 + 445,000
    // + 700,000 + 2,000,000 + 30,000 = 3,208,000, net 6,500,000 − 3,208,000 = 3,292,000, where 물건비 700,000 = 800,000
    // − 반납 100,000 (a 반납 nets within its payment's line), 인건비 445,000 the salary's net (the 55,000 withheld never
    // left the 금고: Cr 예수금, not Cr 현금), and the 세입세출외현금 on lines of its own, gross (guarantee-deposits.ts
    // custodyCashFlow: 경상활동 by 제36조①, being neither ② nor ③): 유입 수입 500,000 (the 하자보수보증금 received
    // 07-03), 유출 지출 33,000 (소득세 30,000 + 지방소득세 3,000 remitted 04-10), never netted to 467,000;
    // 투자 −5,000,000 (선금 3,000,000 + 기성 1,000,000 + 준공 1,000,000); 재무 +2,940,000 − 500,000 (지방채의 상환,
    // 제36조③) = 2,440,000; 증감 3,292,000 − 5,000,000 + 2,440,000 = 732,000 = 기초 0 + 732,000 = 기말 (제37조①).
    const cash = Object.fromEntries(rows('cash-flow', 'GEN').map((r) => [`${r.section} ${r.accountName}`, r.current]));
    expect(cash).toEqual({
      '경상활동 유입: 지방세수입': '6000000',
      '경상활동 유입: 세입세출외현금 수입': '500000',
      '경상활동 유출: 세입세출외현금 지출': '33000',
      '경상활동 유출: 인건비': '445000',
      '경상활동 유출: 물건비': '700000',
      '경상활동 유출: 내부거래(전출금)': '2000000',
      '경상활동 유출: 이자상환': '30000',
      '경상활동 경상활동으로 인한 현금흐름': '3292000',
      '투자활동 유출: 시설비및부대비': '5000000',
      '투자활동 투자활동으로 인한 현금흐름': '-5000000',
      '재무활동 유입: 지방채': '2940000',
      '재무활동 유출: 원금상환': '500000',
      '재무활동 재무활동으로 인한 현금흐름': '2440000',
      '현금 현금의 증감': '732000',
      '현금 기초의 현금': '0',
      '현금 기말의 현금': '732000',
    });
    // 통합: the 전출금 (GEN) and 전입금 (FUND) cash flows cancel; 경상 6,000,000 + 500,000 + 1,000,000 − 33,000 − 445,000
    // − 700,000 − 400,000 − 30,000 = 5,892,000; 투자 −5,000,000 − 1,500,000 = −6,500,000; 재무 2,440,000; 증감 1,832,000.
    expect(figure('cash-flow', '통합', '경상활동으로 인한 현금흐름')).toBe('5892000');
    expect(figure('cash-flow', '통합', '투자활동으로 인한 현금흐름')).toBe('-6500000');
    expect(figure('cash-flow', '통합', '재무활동으로 인한 현금흐름')).toBe('2440000');
    expect(figure('cash-flow', '통합', '현금의 증감')).toBe('1832000');
    expect(figure('cash-flow', '통합', '유출: 내부거래(전출금)')).toBeUndefined();
    expect(figure('cash-flow', '통합', '유입: 세입세출외현금 수입')).toBe('500000');
    expect(figure('cash-flow', '통합', '유출: 세입세출외현금 지출')).toBe('33000');

    // 순자산변동표 (제38조): 기초 0; a negative 재정운영결과 (revenue over cost) raises 순자산: GEN to 4,407,356
    // (고정 2,397,356 / 특정 0 / 일반 2,010,000), 통합 to 7,007,356 (고정 2,397,356 / 특정 2,000,000 / 일반 2,610,000).
    const changes = (statements.tables['changes-in-net-assets'].rows as Row[]).filter((r) => r.scope === '통합');
    expect(changes.find((r) => r.item === '기말순자산')).toMatchObject({
      fixed: '2397356',
      specific: '2000000',
      general: '2610000',
      total: '7007356',
    });
    const genChanges = (statements.tables['changes-in-net-assets'].rows as Row[]).filter(
      (r) => r.scope === 'GEN' && r.scopeKind === '개별',
    );
    expect(genChanges.find((r) => r.item === '기초순자산')?.total).toBe('0');
    expect(genChanges.find((r) => r.item === '기말순자산')).toMatchObject({ fixed: '2397356', general: '2010000', total: '4407356' });

    // 주석 (제41조) from the registers and the ledgers: the road's movement (0 + 5,000,000; 145,833 this year,
    // 145,833 accumulated; 4,854,167 carried), the 대손충당금 200,000 of 미수세금 2,000,000, the bond, GEN → FUND.
    const notes = (statements.tables.notes.rows as Row[]).map((r) => `${r.title}: ${r.body}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        '유형자산 변동: GEN 도로 ROAD-1 (2026-06-30 준공, 내용연수 20년): 기초 취득원가 0원, 당기 증가 5000000원, 기말 취득원가 5000000원, ' +
          '당기 감가상각비 145833원, 감가상각누계액 145833원, 장부가액 4854167원',
        '대손충당금: GEN 미수세금 2000000원 중 대손충당금 200000원 (제46조)',
        '지방채·차입금: LB2026-01 2026 도로건설채 (지방채증권, 연 4.00%, 2026-04-01 발행 3000000원, 만기 2031-03-31): ' +
          '기초 0원, 당기 발행 3000000원, 당기 상환 500000원 (2026-11-16 500000원), 기말 2500000원 (채무대장의 일자별 발행·상환)',
        '지방채·차입금 합계: 기초 0원, 당기 발행 3000000원, 당기 상환 500000원, 기말 2500000원',
        '회계실체간 주요 거래: GEN → FUND 전출 2000000원 (통합에서 상계)',
      ]),
    );

    // 예산-재무 대사: 세계잉여금 = 수납 − 지출 per 회계 equals its cash (no 단기·장기금융상품) less the 세입세출외현금 it
    // holds for others (예수금 22,000 + 장기예수보증금 500,000 = 522,000: cash, not budget cash):
    // GEN 8,940,000 − 8,730,000 = 210,000 = 732,000 − 522,000; FUND 2,000,000 − 1,500,000 = 500,000;
    // SPEC 1,000,000 − 400,000 = 600,000.
    const reconciliation = await archivedReport(GOV, YEAR, 'budget-reconciliation');
    expect(reconciliation.tables.reconciliation.rows).toEqual([
      {
        fund: 'FUND',
        financialFunds: '500000',
        custodyCash: '0',
        overPayments: '0',
        budgetSurplus: '500000',
        difference: '0',
        status: '일치',
      },
      {
        fund: 'GEN',
        financialFunds: '732000',
        custodyCash: '522000',
        overPayments: '0',
        budgetSurplus: '210000',
        difference: '0',
        status: '일치',
      },
      {
        fund: 'SPEC',
        financialFunds: '600000',
        custodyCash: '0',
        overPayments: '0',
        budgetSurplus: '600000',
        difference: '0',
        status: '일치',
      },
    ]);
    // The live fund status agrees: GEN's cash 732,000 is budget cash 210,000 and 세입세출외현금 522,000.
    const status = await callRoute(execution.getFundStatus, { caller: c.ministry, params: { gov: GOV, year: YEAR } });
    expect(status.body.funds.find((f: { fund: string }) => f.fund === 'GEN')).toMatchObject({
      cash: '732000',
      budgetCash: '210000',
      custodyCash: '522000',
    });
  });

  it('archives the statements as an XLSX that opens, one sheet per JSON table, every cell equal to the JSON', async () => {
    // 재정상태표, 재정운영표, 현금흐름표, 순자산변동표, 주석 per 회계, per type and 통합 (financial-statements), the
    // 필수보충정보 and the 예산-재무 reconciliation: the same tables in both formats.
    for (const report of ['financial-statements', 'supplementary-information', 'budget-reconciliation']) {
      const json = await archivedReport(GOV, YEAR, report);
      const parts = xlsxParts(await archivedFile(GOV, YEAR, report, 'report.xlsx'));
      for (const [name, xml] of Object.entries(parts)) expect(xmlProblem(xml), `${report} ${name}`).toBeUndefined();
      const tables = Object.values(json.tables) as { title: string; columns: { key: string; label: string }[]; rows: any[] }[];
      expect(Object.keys(parts).filter((name) => name.startsWith('xl/worksheets/'))).toHaveLength(tables.length);
      tables.forEach((table, i) => {
        const sheet = `${report} ${table.title}`;
        expect(parts['xl/workbook.xml'], sheet).toContain(`<sheet name="${table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)}"`);
        const cells = sheetCells(parts[`xl/worksheets/sheet${i + 1}.xml`] ?? '');
        // Row 4 holds the column labels, row 5 on the rows: each cell the JSON's value (amounts as numbers).
        for (const [col, column] of table.columns.entries()) expect(cells.get(ref(col, 4)), sheet).toBe(column.label);
        for (const [r, row] of table.rows.entries())
          for (const [col, column] of table.columns.entries())
            expect(cells.get(ref(col, 5 + r)) ?? '', `${sheet} ${column.key} row ${r}`).toBe(row[column.key]);
      });
    }
  });

  it('refuses adjusting entries once the year is closed', async () => {
    const late = await answer(
      callRoute(recordAdjustingEntries, {
        params: { gov: GOV, year: YEAR },
        body: { kind: 'construction-completion', completions: completion(1).completions.map((x) => ({ ...x, assetId: 'ROAD-2' })) },
        caller: c.chief,
      }),
    );
    expect(late).toMatchObject({ status: 409, code: 'year-closed' });
  });

  it('shows the changes in the archived 세입세출결산: 예산현액 in its parts, the 과목경정 in 지출액, the 예산전용조서', async () => {
    const settlement = await archivedReport(GOV, YEAR, 'budget-settlement');
    type Row = Record<string, string>;
    const row = (lineId: string) => (settlement.tables.expenditure.rows as Row[]).find((r) => r.lineId === lineId);
    /*
     * 201 일반운영비: 예산액 5,450,000 − 전용 100,000 + 예비비 50,000 − 이용 200,000 = 예산현액 5,200,000; 원인행위 800,000
     *   + 100,000 (the late commitment) − 50,000 recoded − 100,000 반납 = 750,000; 지출 800,000 − 50,000 − 100,000 (반납
     *   before 31 December restores the line, 지방회계법 제27조②) = 650,000; 사고이월 100,000;
     *   불용액 5,200,000 − 650,000 − 100,000 = 4,450,000
     * 101 인건비: 500,000, 원인행위 = 지출 = 500,000 (the gross: the withholdings execute the line too), 불용액 0
     * 702 기금전출금: 2,000,000 + 이용 200,000 = 2,200,000, 지출 2,000,000, 불용액 200,000
     * 202-01 여비 (created by the 전용): 예산액 0 + 전용 100,000 = 100,000; 원인행위 = 지출 = 50,000 (recoded); 불용액 50,000
     * 801 예비비: 100,000 − 50,000 used = 50,000, nothing spent, 불용액 50,000
     */
    expect(row(LINES.office)).toMatchObject({
      original: '5450000',
      diversion: '-100000',
      reserve: '50000',
      transfer: '-200000',
      budget: '5200000',
      committed: '750000',
      paid: '650000',
      recoded: '-50000',
      accident: '100000',
      unused: '4450000',
    });
    expect(row(LINES.salary)).toMatchObject({ original: '500000', budget: '500000', committed: '500000', paid: '500000', unused: '0' });
    expect(row(LINES.toFund)).toMatchObject({
      original: '2000000',
      transfer: '200000',
      budget: '2200000',
      paid: '2000000',
      unused: '200000',
    });
    expect(row(LINES.travel)).toMatchObject({
      original: '0',
      diversion: '100000',
      budget: '100000',
      committed: '50000',
      paid: '50000',
      recoded: '50000',
      unused: '50000',
    });
    expect(row(LINES.reserve)).toMatchObject({ original: '100000', reserve: '-50000', budget: '50000', paid: '0', unused: '50000' });
    // moves between lines: the 회계's 예산현액 and every change column net to 0 over the year
    expect(settlement.totals).toMatchObject({ expenditureDiversion: '0', expenditureReserve: '0', expenditureTransfer: '0' });
    // 세입결산: 징수결정액, 수납액, 미수납액 per line (취득세 2,000,000 stays 미수; nothing refunded).
    const revenueRow = (lineId: string) => (settlement.tables.revenue.rows as Row[]).find((r) => r.lineId === lineId);
    expect(revenueRow(LINES.tax)).toMatchObject({ budget: '10600000', assessed: '8000000', received: '6000000', outstanding: '2000000' });
    expect(revenueRow(LINES.bond)).toMatchObject({ budget: '3000000', assessed: '2940000', received: '2940000', outstanding: '0' });
    expect(revenueRow(LINES.fromGen)).toMatchObject({ assessed: '2000000', received: '2000000', outstanding: '0' });
    expect(revenueRow(LINES.fee)).toMatchObject({ assessed: '1000000', received: '1000000', outstanding: '0' });
    /*
     * 세계잉여금 = 수납 − 지출 and 순세계잉여금 = 세계잉여금 − 다음연도이월액 per 회계 (지방재정법 제51조):
     *   GEN 8,940,000 − (5,000,000 + 500,000 + 650,000 + 50,000 + 2,000,000 + 30,000 + 500,000 = 8,730,000) = 210,000;
     *       사고이월 100,000 → 순세계잉여금 110,000
     *   FUND 2,000,000 − 1,500,000 = 500,000; SPEC 1,000,000 − 400,000 = 600,000 (nothing carried)
     */
    const surplus = (fund: string) => (settlement.tables.surplus.rows as Row[]).find((r) => r.fund === fund);
    expect(surplus('GEN')).toMatchObject({
      received: '8940000',
      paid: '8730000',
      surplus: '210000',
      carriedOver: '100000',
      netSurplus: '110000',
    });
    expect(surplus('FUND')).toMatchObject({ received: '2000000', paid: '1500000', surplus: '500000', netSurplus: '500000' });
    expect(surplus('SPEC')).toMatchObject({ received: '1000000', paid: '400000', surplus: '600000', netSurplus: '600000' });
    /*
     * 기금 is outside the 세입세출예산 (지방재정법 §34③): the totals are GEN + SPEC, the 기금 FUND apart.
     *   세출 예산현액 13,600,000 (with the 601 line's 500,000) + 1,000,000 = 14,600,000; 지출 GEN 8,730,000 (above),
     *   SPEC 400,000: 9,130,000. 세입 예산액 13,600,000 +
     *   1,000,000 = 14,600,000.
     *   FUND: 세출 2,000,000, 지출 1,500,000 (융자), 불용액 500,000; 세입 2,000,000 received 2,000,000.
     */
    expect(settlement.totals).toMatchObject({
      expenditureBudget: '14600000',
      expenditurePaid: '9130000',
      revenueBudget: '14600000',
      fundExpenditureBudget: '2000000',
      fundExpenditurePaid: '1500000',
      fundUnused: '500000',
      fundRevenueBudget: '2000000',
      fundRevenueNetReceived: '2000000',
    });
    expect(settlement.tables.diversions.rows).toEqual([
      expect.objectContaining({
        changeId: 'diversion.D-1',
        fund: 'GEN',
        policy: 'P02',
        from: LINES.office,
        to: LINES.travel,
        amount: '100000',
        reason: '현장 점검 출장 증가',
      }),
    ]);
    // 예비비 사용명세서 (지방재정법 §43④): the one 사용결정, 801 → 201 50,000, beside what 201 spent (예산현액 5,200,000, 지출 650,000)
    expect(settlement.tables.reserveUses.rows).toEqual([
      expect.objectContaining({
        changeId: 'reserve-use.Y-1',
        fund: 'GEN',
        from: LINES.reserve,
        to: LINES.office,
        amount: '50000',
        reason: '청사 긴급 보수',
        emergency: '',
        targetBudget: '5200000',
        targetPaid: '650000',
        reverses: '',
      }),
    ]);
  });

  it('rates the live 집행현황 as the 결산 totals it: the 세입세출예산 without the 기금, the 기금 apart (지방재정법 §34③)', async () => {
    const settlement = await archivedReport(GOV, YEAR, 'budget-settlement');
    const status = await callRoute(getExecutionRollup, {
      params: { gov: GOV, year: YEAR },
      query: { by: 'account' },
      caller: officials(GOV).ministry,
    });
    expect(status.status).toBe(200);
    // 9,130,000 ÷ 14,600,000 = 62.534…% (GEN + SPEC, the 반납 deducted); FUND 1,500,000 ÷ 2,000,000 = 75%
    expect(status.body).toMatchObject({
      budget: settlement.totals.expenditureBudget,
      paid: settlement.totals.expenditurePaid,
      executionRate: '62.53',
      fundBudget: settlement.totals.fundExpenditureBudget,
      fundPaid: settlement.totals.fundExpenditurePaid,
      fundExecutionRate: '75.00',
    });
    expect(status.body.groups.map((g: { key: string; scope: string; budget: string }) => [g.key, g.scope, g.budget])).toEqual([
      ['GEN', 'budget', '13600000'],
      ['SPEC', 'budget', '1000000'],
      ['FUND', 'fund', '2000000'],
    ]);
    // the ministry's nationwide rate scopes the government the same way (running 예산현액 and payments kept per 회계,
    // a same-year 반납 deducted from them as from the 결산's 지출액: posting-batch-write.ts)
    const national = await callRoute(getNationalExecutionRate, { params: { year: YEAR }, caller: officials(GOV).ministry });
    expect(national.status).toBe(200);
    expect(national.body.items.find((item: { gov: string }) => item.gov === GOV)).toEqual({
      gov: GOV,
      budget: settlement.totals.expenditureBudget,
      budgetBasis: '예산현액',
      paid: settlement.totals.expenditurePaid,
      executionRate: '62.53',
      fundBudget: settlement.totals.fundExpenditureBudget,
      fundPaid: settlement.totals.fundExpenditurePaid,
      fundExecutionRate: '75.00',
    });
  });
});
