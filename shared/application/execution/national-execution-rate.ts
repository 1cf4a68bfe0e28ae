import codes from '#shared/data/government-codes.json' with { type: 'json' };
import { percent } from '#shared/domain/budget/line-status.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { readFundStatuses } from '#shared/stores/execution/fund-status.ts';

/**
 * The nationwide execution rate per government, for the ministry: 지출액 (the payments counter of
 * each government's fund status, updated with every payment) over the 세출 예산액 of its last final
 * version (the budget's totals item). Reads at most 243 + 243 small items (one Query of the year's
 * totals, BatchGets of the fund statuses), never a line or a posting; sums are exact (bigint, sent
 * as decimal strings). Source: practice (행정안전부 집행률 = 지출액 ÷ 예산; 지방재정법 §60 공시).
 */
export async function nationalExecutionRate(year: number) {
  const totals = await nationalTotal(year);
  const budgets = new Map(totals.items.map((item) => [item.gov, BigInt(item.expenditureTotal)]));
  const statuses = await readFundStatuses(codes, year);
  const items = statuses
    .filter((status) => budgets.has(status.gov) || status.expenditurePaid !== 0n)
    .map((status) => {
      const budget = budgets.get(status.gov) ?? 0n;
      return {
        gov: status.gov,
        budget: budget.toString(),
        paid: status.expenditurePaid.toString(),
        executionRate: percent(status.expenditurePaid, budget),
      };
    });
  const budget = items.reduce((sum, item) => sum + BigInt(item.budget), 0n);
  const paid = items.reduce((sum, item) => sum + BigInt(item.paid), 0n);
  return { year, governments: items.length, budget: budget.toString(), paid: paid.toString(), executionRate: percent(paid, budget), items };
}
