import { checkBalance } from '#shared/domain/budget/totals.ts';
import { isGeneralReserve } from '#shared/domain/budget/item-classes.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * Limits the whole of a version must keep before it goes to the council and after:
 *   - each 회계 balances on its own (세입 = 세출 per 회계; 지방재정법 §7 and the structure of §40:
 *     every 회계 is a budget of its own, practice);
 *   - the general 예비비 of a 회계 is at most 1% of that 회계's 세출 (지방재정법 §43①; 지방자치법 §144①);
 *     the 재해·재난목적 예비비 (801-02) is separate and has no statutory cap (§43②);
 *   - the 일반회계 must carry a general 예비비 (§43①, read in legalize-kr: "일반회계와 교육비특별회계의
 *     경우에는 각 예산 총액의 100분의 1 이내의 금액을 예비비로 예산에 계상하여야 하고, 그 밖의
 *     특별회계의 경우에는 … 계상할 수 있다"); the 재해·재난 목적 예비비 does not stand for it (§43②
 *     "제1항에도 불구하고 … 별도로"). 교육비특별회계 is the education office's, not a kind of 회계 here.
 *     No exception in the 시행령: §48 limits what a 예비비 may be for, not whether one is carried.
 */
export interface AccountTotals {
  readonly account: string;
  readonly expenditure: bigint;
  readonly revenue: bigint;
  readonly generalReserve: bigint;
}

export function accountTotals(lines: Iterable<BudgetLine>): AccountTotals[] {
  const byAccount = new Map<string, { expenditure: bigint; revenue: bigint; generalReserve: bigint }>();
  for (const line of lines) {
    const totals = byAccount.get(line.account) ?? { expenditure: 0n, revenue: 0n, generalReserve: 0n };
    if (line.kind === 'revenue') totals.revenue += BigInt(line.amount);
    else {
      totals.expenditure += BigInt(line.amount);
      if (isGeneralReserve(line.statItem)) totals.generalReserve += BigInt(line.amount);
    }
    byAccount.set(line.account, totals);
  }
  return [...byAccount].sort(([a], [b]) => a.localeCompare(b)).map(([account, t]) => ({ account, ...t }));
}

/** `generalAccounts`: the codes of the government's 회계 of kind `general` (일반회계). */
export function formulationRefusal(totals: readonly AccountTotals[], generalAccounts: ReadonlySet<string>): Refusal | undefined {
  for (const t of totals) {
    const balance = checkBalance(t);
    if (!balance.balanced)
      return refusal(
        'unprocessable',
        'account-unbalanced',
        `회계 ${t.account}: revenue ${t.revenue} ≠ expenditure ${t.expenditure}; each 회계 balances on its own`,
        {
          rule: 'revenue = expenditure in each 회계',
          account: t.account,
          revenueTotal: t.revenue.toString(),
          expenditureTotal: t.expenditure.toString(),
          difference: balance.difference.toString(),
        },
      );
    if (t.generalReserve * 100n > t.expenditure)
      return refusal(
        'unprocessable',
        'reserve-over-limit',
        `회계 ${t.account}: 예비비 ${t.generalReserve} is more than 1% of its 세출 ${t.expenditure}`,
        {
          rule: '일반예비비 ≤ 1% of the 회계’s 세출',
          basis: '지방재정법 §43①',
          account: t.account,
          reserve: t.generalReserve.toString(),
          expenditureTotal: t.expenditure.toString(),
        },
      );
    if (generalAccounts.has(t.account) && t.expenditure > 0n && t.generalReserve === 0n)
      return refusal(
        'unprocessable',
        'reserve-missing',
        `회계 ${t.account} is the 일반회계 and carries no 예비비 (801-01); it must carry one of at most 1% of its 세출 ${t.expenditure}`,
        {
          rule: '일반회계: 0 < 일반예비비 ≤ 1% of its 세출',
          basis: '지방재정법 §43①',
          account: t.account,
          reserve: '0',
          expenditureTotal: t.expenditure.toString(),
        },
      );
  }
  return undefined;
}
