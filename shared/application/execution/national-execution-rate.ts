import codes from '#shared/data/government-codes.json' with { type: 'json' };
import { sumByScope } from '#shared/domain/budget/budget-scope.ts';
import { percent } from '#shared/domain/budget/line-status.ts';
import { nationalCurrentBudgets } from '#shared/stores/budget/current-budget.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { readFundStatuses } from '#shared/stores/execution/fund-status.ts';

/** What the rate divides by, as the response names it. */
export const EXECUTION_RATE_DENOMINATOR =
  '세출 예산현액 = 예산액 + 전년도이월액 ± 이용·전용·이체 + 예비비 + 성립전예산 (과목경정 moves execution, not the budget), ' +
  'of the 세입세출예산: the 기금 apart (지방재정법 §34③)';

/**
 * The nationwide execution rate per government, for the ministry: 지출액 (the payments counter of
 * each government's fund status, per 회계, updated with every payment) over its 세출 예산현액 — the
 * budget it may spend this year, carry-ins, 성립전예산 and the changes during execution included (the
 * running total of current-budget.ts, per 회계). Both are scoped like the 결산 and the government's
 * 집행현황 (budget-scope.ts, 지방재정법 §34③): the rate is the 세입세출예산's, the 기금 (outside it,
 * with its own 기금운용계획) is reported apart (`fundBudget`, `fundPaid`, `fundExecutionRate`, only
 * where the government keeps one).
 *
 * A government whose budget was last synced before that total existed is divided by the 세출 예산액
 * of its last final version, all 회계 together, and says so (`budgetBasis`), until its next final
 * version or 추경; its payments then count whole too. Reads at most 243 + 243 + 243 small items,
 * never a line or a posting; sums are exact (bigint, sent as decimal strings). Source: practice
 * (행정안전부 집행률 = 지출액 ÷ 예산현액; 지방재정법 §60 공시).
 */
export async function nationalExecutionRate(year: number) {
  const [totals, current] = await Promise.all([nationalTotal(year), nationalCurrentBudgets(year)]);
  const enacted = new Map(totals.items.map((item) => [item.gov, BigInt(item.expenditureTotal)]));
  const statuses = await readFundStatuses(codes, year);
  const items = statuses
    .filter((status) => current.has(status.gov) || enacted.has(status.gov) || status.expenditurePaid !== 0n)
    .map((status) => {
      const synced = current.get(status.gov);
      const funds = synced?.fundAccounts ?? new Set<string>();
      const budget = synced ? sumByScope(synced.byAccount, funds) : { budget: enacted.get(status.gov) ?? 0n, fund: 0n };
      const paid = sumByScope(status.paidByAccount, funds);
      return {
        gov: status.gov,
        budget: budget.budget.toString(),
        budgetBasis: synced ? ('예산현액' as const) : ('예산액' as const),
        paid: paid.budget.toString(),
        executionRate: percent(paid.budget, budget.budget),
        ...(funds.size > 0 ? fundApart(budget.fund, paid.fund) : {}),
      };
    });
  const sum = (pick: (item: (typeof items)[number]) => string | undefined) =>
    items.reduce((total, item) => total + BigInt(pick(item) ?? 0), 0n);
  const [budget, paid, fundBudget, fundPaid] = [sum((i) => i.budget), sum((i) => i.paid), sum((i) => i.fundBudget), sum((i) => i.fundPaid)];
  return {
    year,
    denominator: EXECUTION_RATE_DENOMINATOR,
    governments: items.length,
    budget: budget.toString(),
    paid: paid.toString(),
    executionRate: percent(paid, budget),
    ...(items.some((item) => item.fundBudget !== undefined) ? fundApart(fundBudget, fundPaid) : {}),
    items,
  };
}

const fundApart = (budget: bigint, paid: bigint) => ({
  fundBudget: budget.toString(),
  fundPaid: paid.toString(),
  fundExecutionRate: percent(paid, budget),
});
