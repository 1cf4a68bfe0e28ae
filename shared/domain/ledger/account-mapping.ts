import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import type { LedgerAccount } from '#shared/domain/ledger/chart-of-accounts.ts';

/**
 * Which ledger accounts a budget line's postings touch. Expenditure lines map by the group (first
 * digit) of their 성질별 편성목 code; revenue lines by their revenue category (세입 원천).
 * Capital expenditure (400) is capitalised, debt repayment (600) reduces the bonds liability.
 */
const expenseByGroup: Readonly<Record<string, LedgerAccount>> = {
  '1': chartOfAccounts.personnelExpense,
  '2': chartOfAccounts.operatingExpense,
  '3': chartOfAccounts.transferExpense,
  '4': chartOfAccounts.tangibleAssets,
  '5': chartOfAccounts.otherExpense,
  '6': chartOfAccounts.localBonds,
  '7': chartOfAccounts.transferExpense,
  '8': chartOfAccounts.otherExpense,
};

export function expenditureAccount(itemCode: string): LedgerAccount {
  return expenseByGroup[itemCode.charAt(0)] ?? chartOfAccounts.otherExpense;
}

export interface RevenueAccounts {
  readonly receivable: LedgerAccount;
  readonly revenue: LedgerAccount;
}

const revenueByCategory: Readonly<Record<string, RevenueAccounts>> = {
  '1': { receivable: chartOfAccounts.taxReceivable, revenue: chartOfAccounts.taxRevenue },
  '2': { receivable: chartOfAccounts.otherReceivable, revenue: chartOfAccounts.nonTaxRevenue },
  '3': { receivable: chartOfAccounts.otherReceivable, revenue: chartOfAccounts.transferRevenue },
  '4': { receivable: chartOfAccounts.otherReceivable, revenue: chartOfAccounts.transferRevenue },
  '5': { receivable: chartOfAccounts.otherReceivable, revenue: chartOfAccounts.transferRevenue },
  '6': { receivable: chartOfAccounts.otherReceivable, revenue: chartOfAccounts.localBonds },
  '7': { receivable: chartOfAccounts.otherReceivable, revenue: chartOfAccounts.nonTaxRevenue },
};

export function revenueAccounts(categoryCode: string): RevenueAccounts {
  return revenueByCategory[categoryCode.charAt(0)] ?? revenueByCategory['2']!;
}
