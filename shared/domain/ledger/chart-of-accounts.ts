/**
 * The accrual chart of accounts (지방자치단체 회계기준, simplified to what the postings touch).
 * The first digit is the statement class: 1 assets, 2 liabilities, 3 net assets, 4 revenue, 5 expense.
 * Normal balance: assets and expenses are debit-normal; liabilities, net assets and revenue credit-normal.
 */
export type StatementClass = 'asset' | 'liability' | 'net-assets' | 'revenue' | 'expense';

export interface LedgerAccount {
  readonly code: string;
  readonly nameKo: string;
  readonly nameEn: string;
  readonly class: StatementClass;
}

const account = (code: string, nameKo: string, nameEn: string, cls: StatementClass): LedgerAccount => ({
  code,
  nameKo,
  nameEn,
  class: cls,
});

export const chartOfAccounts = {
  cash: account('1101', '현금및현금성자산', 'Cash and cash equivalents', 'asset'),
  taxReceivable: account('1102', '미수세금', 'Taxes receivable', 'asset'),
  otherReceivable: account('1103', '미수세외수입금', 'Non-tax revenue receivable', 'asset'),
  tangibleAssets: account('1301', '유형자산', 'Property, plant and equipment', 'asset'),
  accountsPayable: account('2101', '미지급금', 'Accounts payable', 'liability'),
  refundsPayable: account('2102', '미지급환급금', 'Refunds payable', 'liability'),
  localBonds: account('2201', '지방채', 'Local bonds', 'liability'),
  netAssets: account('3101', '순자산', 'Net assets', 'net-assets'),
  taxRevenue: account('4101', '지방세수익', 'Local tax revenue', 'revenue'),
  nonTaxRevenue: account('4201', '세외수익', 'Non-tax revenue', 'revenue'),
  transferRevenue: account('4301', '이전수익 (교부세·보조금)', 'Transfers received (grants, subsidies)', 'revenue'),
  personnelExpense: account('5101', '인건비', 'Personnel expense', 'expense'),
  operatingExpense: account('5201', '운영비 (물건비)', 'Operating expense (goods and services)', 'expense'),
  transferExpense: account('5301', '이전비용', 'Transfers paid', 'expense'),
  financeExpense: account('5401', '재무활동비용', 'Finance costs', 'expense'),
  otherExpense: account('5901', '기타비용', 'Other expense', 'expense'),
} as const satisfies Record<string, LedgerAccount>;

export type LedgerAccountKey = keyof typeof chartOfAccounts;

export const ledgerAccountByCode = new Map<string, LedgerAccount>(Object.values(chartOfAccounts).map((a) => [a.code, a]));

export const isDebitNormal = (cls: StatementClass): boolean => cls === 'asset' || cls === 'expense';
