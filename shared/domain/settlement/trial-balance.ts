import { accountName, classOf, isDebitNormal, sumByAccount } from '#shared/domain/settlement/ledger-totals.ts';
import type { AccountSums, LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { dayThrough } from '#shared/domain/settlement/periods.ts';
import type { Period } from '#shared/domain/settlement/periods.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report, ReportRow } from '#shared/domain/reports/report.ts';

export interface FundBalance {
  readonly fund: string;
  readonly debitTotal: bigint;
  readonly creditTotal: bigint;
  readonly debitBalance: bigint;
  readonly creditBalance: bigint;
}

export const isFundBalanced = (f: FundBalance): boolean => f.debitTotal === f.creditTotal && f.debitBalance === f.creditBalance;

/** An account's balance on its natural side; a negative balance shows on the other side. Source: practice (합계잔액시산표: Σdebit = Σcredit of the double-entry books). */
function balanceSides(s: AccountSums): { debitBalance: bigint; creditBalance: bigint } {
  const net = s.debit - s.credit;
  if (isDebitNormal(classOf(s.account)))
    return net >= 0n ? { debitBalance: net, creditBalance: 0n } : { debitBalance: 0n, creditBalance: -net };
  return net <= 0n ? { debitBalance: 0n, creditBalance: -net } : { debitBalance: net, creditBalance: 0n };
}

/**
 * 합계잔액시산표 per fund, cumulative from the opening balances through the period's last day.
 * Each fund's debit totals equal its credit totals (and so do its balances) when the books are right.
 */
export function trialBalance(
  gov: string,
  period: Period,
  totals: readonly LedgerDayTotal[],
  opening: readonly OpeningBalance[],
  /** 회계 code → name, printed beside the code (practice: the printed forms name the 회계). */
  fundNames: Readonly<Record<string, string>> = {},
): Report & { funds: FundBalance[] } {
  const sums = sumByAccount(totals, (d) => dayThrough(d, period), opening);
  const rows: ReportRow[] = [];
  const funds: FundBalance[] = [];
  for (const fund of [...new Set(sums.map((s) => s.fund))]) {
    const fundRows = sums.filter((s) => s.fund === fund).map((s) => ({ ...s, ...balanceSides(s) }));
    const fundTotal: FundBalance = {
      fund,
      debitTotal: fundRows.reduce((a, r) => a + r.debit, 0n),
      creditTotal: fundRows.reduce((a, r) => a + r.credit, 0n),
      debitBalance: fundRows.reduce((a, r) => a + r.debitBalance, 0n),
      creditBalance: fundRows.reduce((a, r) => a + r.creditBalance, 0n),
    };
    funds.push(fundTotal);
    for (const r of fundRows) {
      rows.push({
        fund,
        account: r.account,
        accountName: accountName(r.account),
        debitBalance: r.debitBalance,
        debitTotal: r.debit,
        creditTotal: r.credit,
        creditBalance: r.creditBalance,
      });
    }
    rows.push({ ...fundTotal, account: '', accountName: '합계' });
  }
  const sum = (pick: (f: FundBalance) => bigint) => funds.reduce((a, f) => a + pick(f), 0n);
  return {
    report: 'trial-balance',
    title: reportTitles['trial-balance'],
    gov,
    year: period.year,
    period: period.id,
    tables: [
      {
        id: 'trial-balance',
        title: '합계잔액시산표',
        columns: [
          text('fund', '회계'),
          text('account', '계정코드'),
          text('accountName', '계정과목'),
          amount('debitBalance', '차변 잔액'),
          amount('debitTotal', '차변 합계'),
          amount('creditTotal', '대변 합계'),
          amount('creditBalance', '대변 잔액'),
        ],
        rows,
        names: { fund: fundNames },
      },
    ],
    totals: {
      debitTotal: sum((f) => f.debitTotal),
      creditTotal: sum((f) => f.creditTotal),
      debitBalance: sum((f) => f.debitBalance),
      creditBalance: sum((f) => f.creditBalance),
    },
    funds,
  };
}
