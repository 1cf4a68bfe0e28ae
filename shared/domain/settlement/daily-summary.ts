import { cashAccount } from '#shared/domain/ledger/balances.ts';
import { accountName, sumByAccount } from '#shared/domain/settlement/ledger-totals.ts';
import type { LedgerDayTotal, OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import { dayInPeriod, dayThrough } from '#shared/domain/settlement/periods.ts';
import type { Period } from '#shared/domain/settlement/periods.ts';
import { amount, reportTitles, text } from '#shared/domain/reports/report.ts';
import type { Report, ReportRow } from '#shared/domain/reports/report.ts';

/**
 * 일계표: per fund and account, the day's debits and credits (receipts and payments) and the
 * cumulative figures since 1 January, plus each fund's cash balance from the journal (the
 * figure the cash reconciliation compares with the fund status).
 * Printed with a 소계 per 회계 and the 합계, the cash balances with their 합계.
 * Source: practice (일계표 of the treasury's daily cash work).
 */
export function dailySummary(
  gov: string,
  period: Period,
  totals: readonly LedgerDayTotal[],
  opening: readonly OpeningBalance[],
  /** 회계 code → name, printed beside the code. */
  fundNames: Readonly<Record<string, string>> = {},
): Report {
  const day = sumByAccount(totals, (d) => dayInPeriod(d, period));
  const cumulative = sumByAccount(totals, (d) => dayThrough(d, period), opening);
  const dayOf = new Map(day.map((s) => [`${s.fund}|${s.account}`, s]));
  const rows: ReportRow[] = cumulative.map((s) => {
    const today = dayOf.get(`${s.fund}|${s.account}`);
    return {
      fund: s.fund,
      account: s.account,
      accountName: accountName(s.account),
      dayDebit: today?.debit ?? 0n,
      dayCredit: today?.credit ?? 0n,
      cumulativeDebit: s.debit,
      cumulativeCredit: s.credit,
    };
  });
  const cash = cumulative.filter((s) => s.account === cashAccount);
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  return {
    report: 'daily-summary',
    title: reportTitles['daily-summary'],
    gov,
    year: period.year,
    period: period.id,
    tables: [
      {
        id: 'daily-summary',
        title: '일계표',
        columns: [
          text('fund', '회계'),
          text('account', '계정코드'),
          text('accountName', '계정과목'),
          amount('dayDebit', '당일 차변'),
          amount('dayCredit', '당일 대변'),
          amount('cumulativeDebit', '누계 차변'),
          amount('cumulativeCredit', '누계 대변'),
        ],
        rows,
        // printed with a 소계 per 회계 and the 합계 (layout.ts): debits equal credits in each
        names: { fund: fundNames },
        summary: { labelColumn: 'accountName', groupBy: 'fund' },
      },
      {
        id: 'cash-balance',
        title: '현금잔액',
        columns: [text('fund', '회계'), amount('receipts', '당일 수입'), amount('payments', '당일 지출'), amount('balance', '현금 잔액')],
        rows: cash.map((s) => {
          const today = dayOf.get(`${s.fund}|${s.account}`);
          return { fund: s.fund, receipts: today?.debit ?? 0n, payments: today?.credit ?? 0n, balance: s.debit - s.credit };
        }),
        names: { fund: fundNames },
        summary: { labelColumn: 'fund' },
      },
    ],
    totals: {
      dayDebit: sum(day.map((s) => s.debit)),
      dayCredit: sum(day.map((s) => s.credit)),
      cumulativeDebit: sum(cumulative.map((s) => s.debit)),
      cumulativeCredit: sum(cumulative.map((s) => s.credit)),
      cashBalance: sum(cash.map((s) => s.debit - s.credit)),
    },
  };
}
