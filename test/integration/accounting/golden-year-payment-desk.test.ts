import { beforeAll, describe, expect, it } from 'vitest';
import * as execution from '#shared/routes/execution.ts';
import { requestClosing } from '#shared/routes/settlement.ts';
import { allot, archivedReport, collect, fund, officials, posting, setUpAccounts } from '#test/integration/accounting/support.ts';
import { expenditure, finalBudget, revenue } from '#test/integration/budget/support.ts';
import { drainSettlementQueue } from '#test/integration/settlement/fixture.ts';
import { callRoute } from '#test/support/api.ts';
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
 *   하자보수보증금 2,000,000 deposited 06-30                  Dr 1101 / Cr 2302 (장기예수보증금, 회계기준규칙 제24조)
 *
 *   현금 10,000,000 − 2,600,000 − 300,000 − 800,000 + 100,000 + 2,000,000 = 8,400,000 = 자산
 *   부채 예수금 400,000 − 300,000 = 100,000 + 장기예수보증금 2,000,000   = 2,100,000
 *   순자산 8,400,000 − 2,100,000                                          = 6,300,000
 *   재정운영순원가 (관리운영비) 3,000,000 + 800,000 − 100,000             = 3,700,000
 *   재정운영결과 3,700,000 − 지방세 10,000,000                            = −6,300,000 (= −순자산: the first year)
 *   fund status: budget cash 8,400,000 − 세입세출외현금 (100,000 + 2,000,000) = 6,300,000
 */
await useTestStack();

const GOV = '43000';
const YEAR = 2026;
const c = officials(GOV);
const LINES = { salary: 'E.GEN.P01.U01.D001.101-01', office: 'E.GEN.P01.U01.D001.201-01', tax: 'R.GEN.1.ACQTAX' };
const base = { gov: GOV, year: YEAR };

/** 지출원인행위 → 지출결의 → 지급명령 (with withholdings) → 지급; the payment order's id. */
async function pay(lineId: string, amount: number, date: string, withholdings?: { kind: string; amount: number }[]) {
  const commit = await posting(execution.createCommitment, c.financeOfficer, base, {
    lineId,
    amount,
    counterparty: '직원 및 거래처',
    contractRef: `K-${lineId}`,
    date,
  });
  const resolve = await posting(execution.resolvePayment, c.financeOfficer, { ...base, commitmentId: commit.postingId }, { amount, date });
  const order = await posting(
    execution.orderPayment,
    c.disbursingOfficer,
    { ...base, resolutionId: resolve.postingId },
    { amount, date, ...(withholdings ? { withholdings } : {}) },
  );
  await posting(execution.confirmPayment, c.bank, { ...base, orderId: order.postingId }, { date });
  return order.postingId;
}

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
    revenue({ account: 'GEN', category: '1', item: 'ACQTAX', name: '취득세', amount: 4_000_000 }),
  ]);
  await allot(GOV, YEAR, LINES.salary, 3_000_000);
  await allot(GOV, YEAR, LINES.office, 1_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-03', 3_000_000);
  await fund(GOV, YEAR, 'GEN', '2026-05', 800_000);
});

describe('golden year, payment desk: withholdings, a 반납 and a 보증금 in the statements', () => {
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
        condition: '하자담보책임기간 2년 경과 후 반환',
      },
    );
    const status = await callRoute(execution.getFundStatus, { caller: c.ministry, params: base });
    expect(status.body).toMatchObject({ total: { cash: '8400000', budgetCash: '6300000', custodyCash: '2100000' } });
  });

  it('closes the year: the statements equal the hand figures, 보관금 among the liabilities', async () => {
    const closing = await callRoute(requestClosing, {
      params: base,
      body: { kind: 'year-end', period: String(YEAR), backfill: true },
      caller: c.chief,
    });
    expect(closing.status, JSON.stringify(closing.body)).toBe(202);
    expect(await drainSettlementQueue()).toEqual([]);
    const statements = await archivedReport(GOV, YEAR, 'financial-statements');
    const expected = {
      assets: '8400000',
      liabilities: '2100000',
      netAssets: '6300000',
      netOperatingCost: '3700000',
      operatingResult: '-6300000',
      closingCash: '8400000',
      closingCashPerBooks: '8400000',
    };
    for (const [name, value] of Object.entries(expected)) expect(statements.totals[`entity.GEN.${name}`], name).toBe(value);
    const rows = (statements.tables['financial-position'].rows as Record<string, string>[]).filter(
      (r) => r.scope === 'GEN' && r.scopeKind !== '유형별',
    );
    const position = Object.fromEntries(rows.map((r) => [r.accountName, r.current]));
    expect(position).toMatchObject({ 현금및현금성자산: '8400000', 예수금: '100000', 장기예수보증금: '2000000', 부채총계: '2100000' });
  });
});
