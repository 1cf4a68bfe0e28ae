import { balanceOf, returnedOf, spentOf } from '#shared/domain/petty-cash/advance.ts';
import type { PettyCashAdvance } from '#shared/domain/petty-cash/advance.ts';

/**
 * The 출납계산서 of an advance (회계령 §43②: the 출납원 sends it through the 지출원 to the head): per 목
 * the amount advanced, spent and unspent; the money returned; the balance still held; and the day by
 * which the unspent money comes back (20 January of the next year, 지방회계법 §7②), overdue once `asOf`
 * is past it with a balance left.
 */
export function cashStatement(advance: PettyCashAdvance, asOf: string) {
  const byStatItem = Object.entries(advance.allocations).map(([statItem, advanced]) => {
    const spent = spentOf(advance, statItem);
    return { statItem, advanced, spent, unspent: advanced - spent };
  });
  const balance = balanceOf(advance);
  const returnDue = `${advance.year + 1}-01-20`;
  return {
    advanced: advance.amount,
    spent: spentOf(advance),
    returned: returnedOf(advance),
    balance,
    byStatItem,
    returnDue,
    overdue: balance > 0 && asOf > returnDue,
  };
}
