import codes from '#shared/data/government-codes.json' with { type: 'json' };
import { percent } from '#shared/domain/budget/line-status.ts';
import { nationalCurrentBudgets } from '#shared/stores/budget/current-budget.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { readFundStatuses } from '#shared/stores/execution/fund-status.ts';

/** What the rate divides by, as the response names it. */
export const EXECUTION_RATE_DENOMINATOR =
  '세출 예산현액 = 예산액 + 전년도이월액 ± 이용·전용·이체 + 예비비 + 성립전예산 (과목경정 moves execution, not the budget)';

/**
 * The nationwide execution rate per government, for the ministry: 지출액 (the payments counter of
 * each government's fund status, updated with every payment) over its 세출 예산현액 — the budget it
 * may spend this year, carry-ins, 성립전예산 and the changes during execution included (the running
 * total of current-budget.ts). A government whose budget was last synced before that total existed
 * is divided by the 세출 예산액 of its last final version and says so (`budgetBasis`), until its next
 * final version or 추경. Reads at most 243 + 243 + 243 small items, never a line or a posting; sums
 * are exact (bigint, sent as decimal strings). Source: practice (행정안전부 집행률 = 지출액 ÷ 예산현액;
 * 지방재정법 §60 공시).
 */
export async function nationalExecutionRate(year: number) {
  const [totals, current] = await Promise.all([nationalTotal(year), nationalCurrentBudgets(year)]);
  const enacted = new Map(totals.items.map((item) => [item.gov, BigInt(item.expenditureTotal)]));
  const statuses = await readFundStatuses(codes, year);
  const items = statuses
    .filter((status) => current.has(status.gov) || enacted.has(status.gov) || status.expenditurePaid !== 0n)
    .map((status) => {
      const budget = current.get(status.gov) ?? enacted.get(status.gov) ?? 0n;
      return {
        gov: status.gov,
        budget: budget.toString(),
        budgetBasis: current.has(status.gov) ? ('예산현액' as const) : ('예산액' as const),
        paid: status.expenditurePaid.toString(),
        executionRate: percent(status.expenditurePaid, budget),
      };
    });
  const budget = items.reduce((sum, item) => sum + BigInt(item.budget), 0n);
  const paid = items.reduce((sum, item) => sum + BigInt(item.paid), 0n);
  return {
    year,
    denominator: EXECUTION_RATE_DENOMINATOR,
    governments: items.length,
    budget: budget.toString(),
    paid: paid.toString(),
    executionRate: percent(paid, budget),
    items,
  };
}
