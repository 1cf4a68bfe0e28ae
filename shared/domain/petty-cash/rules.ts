import { balanceOf, spentOf } from '#shared/domain/petty-cash/advance.ts';
import type { PettyCashAdvance, PettyCashReturn, PettyCashSpending } from '#shared/domain/petty-cash/advance.ts';
import { pettyCashItem } from '#shared/domain/petty-cash/items.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Whether an advance may be made: the cost is one of 회계령 §38①, the amount is within its 교부한도
 * (§38②) and the period within one month (three for 제4호·제7호) (§39①).
 */
export function advanceRefusal(advance: Pick<PettyCashAdvance, 'item' | 'amount' | 'period'>): Refusal | undefined {
  const entry = pettyCashItem(advance.item);
  if (!entry) {
    return refusal(
      'unprocessable',
      'petty-cash-item-not-listed',
      `item ${advance.item} is not one of the 일상경비등 of 회계령 §38① (1–15)`,
      {
        rule: '일상경비등: only the costs listed in 회계령 §38①',
        item: advance.item,
      },
    );
  }
  if (entry.limit !== undefined && advance.amount > entry.limit) {
    return refusal('unprocessable', 'petty-cash-over-limit', `an advance for ${entry.name} is at most ${entry.limit} won`, {
      rule: `교부한도 (${entry.source})`,
      item: entry.item,
      limit: entry.limit,
      amount: advance.amount,
    });
  }
  const latest = addMonths(advance.period.from, entry.months);
  if (advance.period.to < advance.period.from || advance.period.to >= latest) {
    return refusal('unprocessable', 'petty-cash-period-too-long', `an advance for ${entry.name} covers at most ${entry.months} month(s)`, {
      rule: `매 ${entry.months}개월분 이내 (${entry.source})`,
      item: entry.item,
      from: advance.period.from,
      to: advance.period.to,
      lastDay: previousDay(latest),
    });
  }
  return undefined;
}

/** The 분임재무관 spends within the 목별 amount advanced (회계령 §41①). */
export function spendingRefusal(advance: PettyCashAdvance, spending: PettyCashSpending): Refusal | undefined {
  const allocated = advance.allocations[spending.statItem] ?? 0;
  const spent = spentOf(advance, spending.statItem);
  const balance = balanceOf(advance);
  if (spent + spending.amount <= allocated && spending.amount <= balance) return undefined;
  return refusal('unprocessable', 'petty-cash-over-advanced', `the spending is over what was advanced for 목 ${spending.statItem}`, {
    rule: '지급원인행위 within the 목별 amount advanced (회계령 §41①)',
    statItem: spending.statItem,
    allocated,
    spent,
    amount: spending.amount,
  });
}

/** Returns never exceed what the 출납원 still holds. */
export function returnRefusal(advance: PettyCashAdvance, entry: PettyCashReturn): Refusal | undefined {
  const balance = balanceOf(advance);
  if (entry.amount <= balance) return undefined;
  return refusal('unprocessable', 'petty-cash-return-over-balance', `a return of ${entry.amount} won is more than the unspent ${balance}`, {
    rule: '반환 ≤ 잔액 (advanced − spent − returned)',
    amount: entry.amount,
    balance,
  });
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1 + months, d));
  // 31 January + 1 month: the last day of February, not 3 March.
  if (next.getUTCDate() !== d) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

const previousDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
