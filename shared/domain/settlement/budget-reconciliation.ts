import { ledgerReconciliation, reconciliationDifferences } from '#shared/domain/accounting/reconciliation.ts';
import type { ReconciliationRow } from '#shared/domain/accounting/reconciliation.ts';
import type { EntityLedger } from '#shared/domain/accounting/statements/statement-set.ts';
import type { FundSurplus } from '#shared/domain/settlement/budget-settlement.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report } from '#shared/domain/reports/report.ts';

/**
 * 예산-재무 대사 (회계기준규칙 제42조②4; project notes S2): per 회계, the 재정자금 of the 재정상태표
 * (현금및현금성자산 + 단기금융상품 + 장기금융상품) less its 세입세출외현금 against the 세입세출결산's 세계잉여금. The
 * 과오납금 owed back is listed by name, part of the 세계잉여금 (accounting/reconciliation.ts). The
 * 지방공기업특별회계 is excepted (its own books, 제6조③). Every difference of a 회계 that must
 * reconcile is listed and counted in the BudgetReconciliationDifferences metric (shared/alarms.ts).
 */
export function reconciliationRows(current: readonly EntityLedger[], surpluses: readonly FundSurplus[]): ReconciliationRow[] {
  return ledgerReconciliation(current, new Map(surpluses.map((s) => [s.fund, s.surplus])));
}

export function budgetReconciliationReport(gov: string, year: number, rows: readonly ReconciliationRow[]): Report {
  const differences = reconciliationDifferences(rows);
  return {
    report: 'budget-reconciliation',
    title: reportTitles['budget-reconciliation'],
    gov,
    year,
    period: String(year),
    tables: [
      {
        id: 'reconciliation',
        title: '재정자금과 세계잉여금',
        columns: [
          text('fund', '회계'),
          amount('financialFunds', '재정자금 (현금·금융상품)'),
          amount('custodyCash', '세입세출외현금'),
          amount('overPayments', '과오납금 (세계잉여금 중 반환할 금액)'),
          amount('budgetSurplus', '세계잉여금'),
          amount('difference', '차이'),
          text('status', '판정'),
        ],
        rows: rows.map((r) => ({
          fund: r.entity,
          financialFunds: r.financialFunds,
          custodyCash: r.custodyCash,
          overPayments: r.overPayments,
          budgetSurplus: r.budgetSurplus,
          difference: r.difference,
          status: r.excepted ? '제외 (지방공기업특별회계)' : r.difference === 0n ? '일치' : '차이',
        })),
      },
    ],
    totals: {
      financialFunds: rows.reduce((s, r) => s + r.financialFunds, 0n),
      custodyCash: rows.reduce((s, r) => s + r.custodyCash, 0n),
      overPayments: rows.reduce((s, r) => s + r.overPayments, 0n),
      budgetSurplus: rows.reduce((s, r) => s + r.budgetSurplus, 0n),
      differences: BigInt(differences.length),
    },
  };
}
