import { describe, expect, it } from 'vitest';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import { carryOverBreach } from '#shared/domain/settlement/carry-over.ts';
import { dailySummary } from '#shared/domain/settlement/daily-summary.ts';
import { financialStatements, nextYearOpening } from '#shared/domain/settlement/financial-statements.ts';
import { periodOf } from '#shared/domain/settlement/periods.ts';
import { trialBalance } from '#shared/domain/settlement/trial-balance.ts';
import { opening, totals } from '#test/unit/settlement/fixture.ts';

const row = (rows: readonly Record<string, unknown>[], match: Record<string, unknown>) =>
  rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

describe('일계표 (daily summary)', () => {
  it('shows the day and the cumulative figures per account, and the cash balance', () => {
    const report = dailySummary('11110', periodOf('daily', '2025-01-15'), totals, opening);
    const rows = report.tables[0]?.rows ?? [];
    expect(row(rows, { account: '1101' })).toMatchObject({
      dayDebit: 450_000n,
      dayCredit: 120_000n,
      cumulativeDebit: 1_450_000n,
      cumulativeCredit: 120_000n,
    });
    expect(row(rows, { account: '4101' })).toMatchObject({ dayDebit: 0n, dayCredit: 0n, cumulativeCredit: 500_000n });
    expect(report.tables[1]?.rows).toEqual([{ fund: 'GEN', receipts: 450_000n, payments: 120_000n, balance: 1_330_000n }]);
    expect(report.totals).toMatchObject({ dayDebit: 570_000n, dayCredit: 570_000n, cashBalance: 1_330_000n });
  });
});

describe('합계잔액시산표 (trial balance)', () => {
  it('balances per fund through the month end and ignores later days', () => {
    const report = trialBalance('11110', periodOf('monthly', '2025-01'), totals, opening);
    expect(report.funds).toEqual([
      { fund: 'GEN', debitTotal: 2_070_000n, creditTotal: 2_070_000n, debitBalance: 1_500_000n, creditBalance: 1_500_000n },
    ]);
    const rows = report.tables[0]?.rows ?? [];
    expect(row(rows, { account: '1101' })).toMatchObject({
      debitBalance: 1_330_000n,
      debitTotal: 1_450_000n,
      creditTotal: 120_000n,
      creditBalance: 0n,
    });
    expect(row(rows, { account: '2201' })).toMatchObject({ debitBalance: 0n, creditBalance: 400_000n });
    expect(row(rows, { accountName: '합계' })).toMatchObject({ debitTotal: 2_070_000n, creditTotal: 2_070_000n });
  });

  it('shows an unbalanced fund as such', () => {
    const broken = [...totals, { fund: 'GEN', account: '5201', day: '2025-01-20', debit: 1, credit: 0 }];
    const [fund] = trialBalance('11110', periodOf('monthly', '2025-01'), broken, opening).funds;
    expect(fund?.debitTotal).toBe(2_070_001n);
    expect(fund?.creditTotal).toBe(2_070_000n);
  });
});

describe('재무제표 (financial statements)', () => {
  it('computes position, operations and changes in net assets from the year balances', () => {
    const report = financialStatements('11110', 2025, totals, opening);
    expect(report.totals).toEqual({
      assets: 1_390_000n,
      liabilities: 400_000n,
      revenue: 490_000n,
      expense: 100_000n,
      operatingResult: 390_000n,
      openingNetAssets: 600_000n,
      closingNetAssets: 990_000n,
    });
    const position = report.tables.find((t) => t.id === 'financial-position')?.rows ?? [];
    expect(row(position, { accountName: '부채와순자산총계' })?.amount).toBe(1_390_000n);
    const changes = report.tables.find((t) => t.id === 'changes-in-net-assets')?.rows.map((r) => r.amount);
    expect(changes).toEqual([600_000n, 390_000n, 0n, 990_000n]);
  });

  it('opens the next year with balance-sheet accounts carried and the result closed into net assets', () => {
    expect(nextYearOpening(2025, totals, opening)).toEqual([
      { fund: 'GEN', account: '1101', debit: 1_340_000n, credit: 0n },
      { fund: 'GEN', account: '1102', debit: 50_000n, credit: 0n },
      { fund: 'GEN', account: '2201', debit: 0n, credit: 400_000n },
      { fund: 'GEN', account: '3101', debit: 0n, credit: 990_000n },
    ]);
  });
});

describe('세입세출결산 (budget settlement)', () => {
  const base = { fund: 'GEN', dept: 'D1', committed: 0, paid: 0, assessed: 0, received: 0, refunded: 0 };
  it('splits 예산현액 into 지출액, 이월액 and 불용액, and nets refunds out of 수납액', () => {
    const report = budgetSettlement(
      '11110',
      2025,
      [
        { ...base, lineId: 'E1', kind: 'expenditure', itemCode: '201-01', budget: 1_000_000, committed: 900_000, paid: 700_000 },
        { ...base, lineId: 'E2', kind: 'expenditure', itemCode: '401-01', budget: 300_000, committed: 0, paid: 0 },
        {
          ...base,
          lineId: 'R1',
          kind: 'revenue',
          itemCode: '110',
          budget: 800_000,
          assessed: 500_000,
          received: 460_000,
          refunded: 10_000,
        },
      ],
      [{ lineId: 'E1', kind: 'accident', amount: 200_000, reason: '공사 지연' }],
    );
    const [expenditure, revenue] = report.tables;
    expect(row(expenditure?.rows ?? [], { lineId: 'E1' })).toMatchObject({
      budget: 1_000_000n,
      paid: 700_000n,
      carryOverKind: '사고이월',
      carriedOver: 200_000n,
      unused: 100_000n,
    });
    expect(row(expenditure?.rows ?? [], { lineId: 'E2' })).toMatchObject({ carriedOver: 0n, unused: 300_000n });
    expect(revenue?.rows[0]).toMatchObject({ netReceived: 450_000n, outstanding: 50_000n });
    expect(report.totals).toMatchObject({
      expenditureBudget: 1_300_000n,
      expenditurePaid: 700_000n,
      carriedOver: 200_000n,
      unused: 400_000n,
      revenueNetReceived: 450_000n,
    });
  });

  it('limits a carry-over to budget − paid', () => {
    expect(carryOverBreach({ budget: 1_000_000, paid: 700_000 }, 300_000)).toBeUndefined();
    expect(carryOverBreach({ budget: 1_000_000, paid: 700_000 }, 300_001)).toEqual({
      rule: 'carry-over ≤ budget − paid',
      requested: 300_001,
      available: 300_000,
      numbers: { budget: 1_000_000, paid: 700_000 },
    });
  });
});
