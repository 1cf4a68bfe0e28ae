import { percent } from '#shared/domain/budget/line-status.ts';

/** What a month's CASH# control item of one 회계 holds (자금배정 and the payments made from it). */
export interface MonthCash {
  readonly fund: string;
  readonly month: string;
  readonly allocated: number;
  readonly paid: number;
}

/** One month of the year's execution against its budget. */
export interface MonthExecution {
  readonly month: string;
  /** 자금배정액 of the month. */
  readonly allocated: string;
  /** 지급액 of the month: what the treasury bank paid out of the month's cash. */
  readonly paid: string;
  readonly cumulativePaid: string;
  /** cumulativePaid ÷ the year's 예산현액, percent, 2 decimals. */
  readonly cumulativeRate: string;
}

/**
 * Execution against budget over the year, month by month, from the cash counters every payment
 * moves (pay.ts: a payment is made from its 회계's cash of the month, 자금배정 — practice; never a
 * scan of the postings): per month the 자금배정액 and 지급액 summed over the 세입세출예산's 회계 (the
 * 기금 apart, 지방재정법 §34③, budget-scope.ts), with the cumulative 지급액 and its rate against the
 * year's 세출 예산현액. Months of the 출납정리기간 (January–February of the next year, 지방회계법 §7)
 * follow December. A 반납 (return) lowers the line's 지출액 but not the month it was paid in, so the
 * cumulative 지급액 can exceed the year's 지출액 by what was returned.
 */
export function monthlyExecution(cash: readonly MonthCash[], budget: bigint, funds: ReadonlySet<string>): MonthExecution[] {
  const byMonth = new Map<string, { allocated: bigint; paid: bigint }>();
  for (const item of cash) {
    if (funds.has(item.fund)) continue;
    const m = byMonth.get(item.month) ?? { allocated: 0n, paid: 0n };
    m.allocated += BigInt(item.allocated);
    m.paid += BigInt(item.paid);
    byMonth.set(item.month, m);
  }
  let cumulative = 0n;
  return [...byMonth]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => {
      cumulative += m.paid;
      return {
        month,
        allocated: m.allocated.toString(),
        paid: m.paid.toString(),
        cumulativePaid: cumulative.toString(),
        cumulativeRate: percent(cumulative, budget),
      };
    });
}
