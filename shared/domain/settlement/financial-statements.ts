import { chartOfAccounts } from '#shared/domain/ledger/chart-of-accounts.ts';
import { accountName, classOf, signedBalance, sumByAccount } from '#shared/domain/settlement/ledger-totals.ts';
import type { AccountSums, LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { dayThrough, periodOf } from '#shared/domain/settlement/periods.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report, ReportRow } from '#shared/domain/reports/report.ts';
import type { StatementClass } from '#shared/domain/ledger/chart-of-accounts.ts';

/**
 * The year-end financial statements (all funds together) from the accrual balances:
 *   재정상태표   assets = liabilities + closing net assets
 *   재정운영표   operating result = revenue − expense
 *   순자산변동표 closing = opening net assets + operating result + other direct changes
 * and the next year's opening balances: assets, liabilities and net assets carried per fund,
 * the year's revenue and expense closed into net assets (순자산).
 */
export function financialStatements(
  gov: string,
  year: number,
  totals: readonly LedgerDayTotal[],
  opening: readonly OpeningBalance[],
): Report {
  const period = periodOf('year-end', String(year));
  const sums = consolidate(sumByAccount(totals, (d) => dayThrough(d, period), opening));
  const balanceOf = (cls: StatementClass) =>
    sums
      .filter((s) => classOf(s.account) === cls)
      .map((s) => ({ account: s.account, balance: signedBalance(s.account, s.debit, s.credit) }));
  const total = (rows: { balance: bigint }[]) => rows.reduce((a, r) => a + r.balance, 0n);

  const assets = balanceOf('asset');
  const liabilities = balanceOf('liability');
  const netAssetAccounts = balanceOf('net-assets');
  const revenue = balanceOf('revenue');
  const expense = balanceOf('expense');
  const openingNetAssets = opening.filter((o) => classOf(o.account) === 'net-assets').reduce((a, o) => a + o.credit - o.debit, 0n);
  const operatingResult = total(revenue) - total(expense);
  const otherChanges = total(netAssetAccounts) - openingNetAssets;
  const closingNetAssets = openingNetAssets + operatingResult + otherChanges;

  const line = (section: string, account: string, label: string, value: bigint): ReportRow => ({
    section,
    account,
    accountName: label,
    amount: value,
  });
  const accountLines = (section: string, rows: { account: string; balance: bigint }[]) =>
    rows.map((r) => line(section, r.account, accountName(r.account), r.balance));
  const columns = [text('section', '구분'), text('account', '계정코드'), text('accountName', '계정과목'), amount('amount', '금액')];

  return {
    report: 'financial-statements',
    title: reportTitles['financial-statements'],
    gov,
    year,
    period: String(year),
    tables: [
      {
        id: 'financial-position',
        title: '재정상태표',
        columns,
        rows: [
          ...accountLines('자산', assets),
          line('자산', '', '자산총계', total(assets)),
          ...accountLines('부채', liabilities),
          line('부채', '', '부채총계', total(liabilities)),
          line('순자산', chartOfAccounts.netAssets.code, '순자산', closingNetAssets),
          line('순자산', '', '부채와순자산총계', total(liabilities) + closingNetAssets),
        ],
      },
      {
        id: 'operations',
        title: '재정운영표',
        columns,
        rows: [
          ...accountLines('수익', revenue),
          line('수익', '', '수익합계', total(revenue)),
          ...accountLines('비용', expense),
          line('비용', '', '비용합계', total(expense)),
          line('재정운영결과', '', '재정운영결과 (수익 − 비용)', operatingResult),
        ],
      },
      {
        id: 'changes-in-net-assets',
        title: '순자산변동표',
        columns,
        rows: [
          line('순자산', '', '기초순자산', openingNetAssets),
          line('순자산', '', '재정운영결과', operatingResult),
          line('순자산', '', '기타 순자산의 변동', otherChanges),
          line('순자산', '', '기말순자산', closingNetAssets),
        ],
      },
    ],
    totals: {
      assets: total(assets),
      liabilities: total(liabilities),
      revenue: total(revenue),
      expense: total(expense),
      operatingResult,
      openingNetAssets,
      closingNetAssets,
    },
  };
}

function consolidate(sums: readonly AccountSums[]): AccountSums[] {
  const byAccount = new Map<string, AccountSums>();
  for (const s of sums) {
    const entry = byAccount.get(s.account) ?? { fund: '', account: s.account, debit: 0n, credit: 0n };
    entry.debit += s.debit;
    entry.credit += s.credit;
    byAccount.set(s.account, entry);
  }
  return [...byAccount.values()].sort((a, b) => (a.account < b.account ? -1 : 1));
}

/**
 * Opening balances of year + 1 per fund: balance-sheet accounts carried (on their balance's
 * side), the fund's revenue − expense closed into 순자산. Every fund's opening balances balance.
 */
export function nextYearOpening(year: number, totals: readonly LedgerDayTotal[], opening: readonly OpeningBalance[]): OpeningBalance[] {
  const period = periodOf('year-end', String(year));
  const sums = sumByAccount(totals, (d) => dayThrough(d, period), opening);
  const result: OpeningBalance[] = [];
  for (const fund of [...new Set(sums.map((s) => s.fund))]) {
    const fundSums = sums.filter((s) => s.fund === fund);
    let closedIntoNetAssets = 0n;
    const carried = new Map<string, bigint>();
    for (const s of fundSums) {
      const cls = classOf(s.account);
      const net = s.debit - s.credit;
      if (cls === 'revenue' || cls === 'expense') closedIntoNetAssets += net;
      else carried.set(s.account, net);
    }
    const netAssets = chartOfAccounts.netAssets.code;
    carried.set(netAssets, (carried.get(netAssets) ?? 0n) + closedIntoNetAssets);
    for (const [account, net] of [...carried.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (net === 0n) continue;
      result.push({ fund, account, debit: net > 0n ? net : 0n, credit: net < 0n ? -net : 0n });
    }
  }
  return result;
}
