import { describe, expect, it } from 'vitest';
import { budgetSettlement } from '#shared/domain/settlement/budget-settlement.ts';
import { carryOverBreach } from '#shared/domain/settlement/carry-over.ts';
import { dailySummary } from '#shared/domain/settlement/daily-summary.ts';
import { entityLedgers } from '#shared/domain/settlement/entity-ledgers.ts';
import { financialStatements, nextYearOpening } from '#shared/domain/settlement/financial-statements.ts';
import { positionDifferences } from '#shared/domain/settlement/reconciliation.ts';
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
    expect(row(rows, { account: '4201' })).toMatchObject({ dayDebit: 0n, dayCredit: 0n, cumulativeCredit: 500_000n });
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
  const entities = [{ id: 'GEN', name: '일반회계', type: '일반회계' as const }];
  const year = (day: string) => day <= '2025-12-31';
  const current = entityLedgers(entities, totals, opening, year);

  it('draws the four statements per 회계, 유형 and 통합 from the year balances', () => {
    const report = financialStatements('11110', 2025, current, []);
    // cash 1,000,000 + 450,000 − 120,000 − 10,000 + 20,000 = 1,340,000; 미수세금 50,000.
    // 재정운영결과 = 재정운영순원가 (인건비 100,000) − 지방세수익 490,000 = −390,000 (revenue exceeded cost).
    // 순자산 600,000 + 390,000 = 990,000; 고정순자산 = no fixed assets − 지방채증권 400,000 (제25조②).
    const figures = { assets: 1_390_000n, liabilities: 400_000n, netAssets: 990_000n, netOperatingCost: 100_000n };
    for (const scope of ['entity.GEN', 'type.general', 'whole']) {
      expect(report.totals).toMatchObject({
        [`${scope}.assets`]: figures.assets,
        [`${scope}.liabilities`]: figures.liabilities,
        [`${scope}.netAssets`]: figures.netAssets,
        [`${scope}.netOperatingCost`]: figures.netOperatingCost,
        [`${scope}.operatingResult`]: -390_000n,
        [`${scope}.closingCash`]: 1_340_000n,
        [`${scope}.closingCashPerBooks`]: 1_340_000n,
      });
    }
    const position = report.tables.find((t) => t.id === 'financial-position')?.rows ?? [];
    expect(row(position, { scope: '통합', accountName: '부채와순자산총계' })).toMatchObject({ current: 1_390_000n, prior: 0n });
    expect(row(position, { scope: 'GEN', accountName: '고정순자산' })?.current).toBe(-400_000n);
    const flows = report.tables.find((t) => t.id === 'cash-flow')?.rows ?? [];
    expect(row(flows, { scope: 'GEN', accountName: '유입: 지방세수입' })?.current).toBe(440_000n);
    expect(row(flows, { scope: 'GEN', accountName: '유출: 인건비' })?.current).toBe(100_000n);
    const changes = (report.tables.find((t) => t.id === 'changes-in-net-assets')?.rows ?? []).filter((r) => r.scope === 'GEN');
    expect(changes.map((r) => r.total)).toEqual([600_000n, 390_000n, 0n, 0n, 0n, 0n, 990_000n]);
    expect(positionDifferences(report.totals)).toEqual([]);
  });

  it('shows last year beside this year (제9조④)', () => {
    const priorTotals = [
      {
        fund: 'GEN',
        account: '1101',
        day: '2024-06-01',
        debit: 1_000_000,
        credit: 0,
        dims: { function: '', counterpart: '', cashActivity: 'operating', cashLabel: '지방세수입', cashCounterpart: '' },
      },
      { fund: 'GEN', account: '4201', day: '2024-06-01', debit: 0, credit: 1_000_000 },
    ];
    const prior = entityLedgers(entities, priorTotals, [], (day) => day <= '2024-12-31');
    const report = financialStatements('11110', 2025, current, prior);
    const position = report.tables.find((t) => t.id === 'financial-position')?.rows ?? [];
    expect(row(position, { scope: 'GEN', account: '1101' })).toMatchObject({ current: 1_340_000n, prior: 1_000_000n });
  });

  it('opens the next year with balance-sheet accounts carried and the result closed into net assets', () => {
    expect(nextYearOpening(current)).toEqual([
      { fund: 'GEN', account: '1101', debit: 1_340_000n, credit: 0n },
      { fund: 'GEN', account: '1103', debit: 50_000n, credit: 0n },
      { fund: 'GEN', account: '2201', debit: 0n, credit: 400_000n },
      { fund: 'GEN', account: '3101', debit: 0n, credit: 990_000n },
    ]);
  });
});

describe('세입세출결산 (budget settlement)', () => {
  const base = { fund: 'GEN', dept: 'D1', carryIn: 0, committed: 0, paid: 0, assessed: 0, received: 0, refunded: 0 };
  it('splits 예산현액 into 지출액, 이월액 and 불용액, and nets refunds out of 수납액', () => {
    const report = budgetSettlement(
      '11110',
      2025,
      [
        {
          ...base,
          lineId: 'E1',
          kind: 'expenditure',
          itemCode: '201-01',
          budget: 1_000_000,
          carryIn: 150_000,
          committed: 900_000,
          paid: 700_000,
        },
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
    const [expenditure, revenue, surplus] = report.tables;
    // 예산현액 1,000,000 = 예산액 850,000 + 전년도이월액 150,000; 불용액 = 1,000,000 − 700,000 − 200,000.
    expect(row(expenditure?.rows ?? [], { lineId: 'E1' })).toMatchObject({
      original: 850_000n,
      carryIn: 150_000n,
      budget: 1_000_000n,
      paid: 700_000n,
      accident: 200_000n,
      explicit: 0n,
      carriedOver: 200_000n,
      unused: 100_000n,
    });
    // 세계잉여금 = 수납액 450,000 − 지출액 700,000; 순세계잉여금 = that − 이월액 200,000.
    expect(surplus?.rows).toEqual([
      { fund: 'GEN', received: 450_000n, paid: 700_000n, surplus: -250_000n, carriedOver: 200_000n, netSurplus: -450_000n },
    ]);
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
