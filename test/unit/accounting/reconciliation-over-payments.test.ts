import { describe, expect, it } from 'vitest';
import type { JournalLine } from '#shared/domain/accounting/journal.ts';
import type { AccountingEntity } from '#shared/domain/accounting/ledger.ts';
import { ledgerReconciliation, reconciliationDifferences } from '#shared/domain/accounting/reconciliation.ts';
import { overPayments } from '#shared/domain/execution/rules/journal.ts';
import { budgetReconciliationReport } from '#shared/domain/settlement/budget-reconciliation.ts';

/**
 * 예산-재무 대사 with a 과오납 still owed back at year-end (issue #16). By hand, one 일반회계:
 *   취득세 징수결정 1,000,000                     Dr 1103 / Cr 4201 1,000,000
 *   수납 1,300,000: 300,000 over the assessment    Dr 1101 1,300,000 / Cr 1103 1,000,000, Cr 과오납금 300,000
 *   입찰보증금 500,000 (세입세출외현금)            Dr 1101 / Cr 2102 예수금 500,000
 *   지출 200,000                                   Dr 5202 / Cr 1101 200,000
 *   재정자금 (현금) 1,300,000 + 500,000 − 200,000 = 1,600,000; 세입세출외현금 500,000;
 *   세계잉여금 = 수납 1,300,000 − 지출 200,000 = 1,100,000 (the over-payment was 수납 of 세입, 지방회계법 제28조①);
 *   1,600,000 − 500,000 = 1,100,000: no 차이, and the 300,000 owed back is listed as 과오납금.
 * Were it held in 예수금 (a custody account) it would be deducted as 세입세출외현금: 1,600,000 − 800,000 − 1,100,000
 * = −300,000, an unexplained 차이 — what the books did before the 과오납금 had its own account.
 */
const GEN: AccountingEntity = { id: 'GEN', name: '일반회계', type: '일반회계' };
const dr = (account: string, amount: number): JournalLine => ({ account, debit: BigInt(amount), credit: 0n });
const cr = (account: string, amount: number): JournalLine => ({ account, debit: 0n, credit: BigInt(amount) });
const year = (overPaidAccount: string): JournalLine[] => [
  dr('1103', 1_000_000),
  cr('4201', 1_000_000),
  dr('1101', 1_300_000),
  cr('1103', 1_000_000),
  cr(overPaidAccount, 300_000),
  dr('1101', 500_000),
  cr('2102', 500_000),
  dr('5202', 200_000),
  cr('1101', 200_000),
];
const reconcile = (period: JournalLine[]) =>
  ledgerReconciliation(
    [{ entity: GEN, ledger: { entities: ['GEN'], opening: [], period, cashFlows: [], specificNetAssets: { opening: 0n, closing: 0n } } }],
    new Map([['GEN', 1_100_000n]]),
  );

describe('예산-재무 대사: a 과오납 owed back at year-end', () => {
  it('is budget cash in the 세계잉여금, listed by name as 과오납금, and leaves no 차이', () => {
    expect(overPayments).toBe('2107');
    const rows = reconcile(year(overPayments));
    expect(rows).toEqual([
      {
        entity: 'GEN',
        financialFunds: 1_600_000n,
        custodyCash: 500_000n,
        overPayments: 300_000n,
        budgetSurplus: 1_100_000n,
        difference: 0n,
        excepted: false,
      },
    ]);
    expect(reconciliationDifferences(rows)).toEqual([]);
    const report = budgetReconciliationReport('11000', 2026, rows);
    expect(report.tables[0]?.rows).toEqual([
      {
        fund: 'GEN',
        financialFunds: 1_600_000n,
        custodyCash: 500_000n,
        overPayments: 300_000n,
        budgetSurplus: 1_100_000n,
        difference: 0n,
        status: '일치',
      },
    ]);
    expect(report.totals).toMatchObject({ overPayments: 300_000n, differences: 0n });
  });

  it('would show as an unexplained 차이 of −300,000 if it were held in 예수금 among the 세입세출외현금', () => {
    const rows = reconcile(year('2102'));
    expect(rows[0]).toMatchObject({ custodyCash: 800_000n, overPayments: 0n, difference: -300_000n });
    expect(reconciliationDifferences(rows)).toHaveLength(1);
  });
});
