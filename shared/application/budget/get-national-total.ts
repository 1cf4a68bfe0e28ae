import { grossAndNet } from '#shared/domain/budget/net-total.ts';
import type { GovernmentBudget } from '#shared/domain/budget/net-total.ts';
import { revenueLinesWithAccount } from '#shared/stores/budget/revenue-lines.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { getVersion } from '#shared/stores/budget/version.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { forEachParallel } from '#shared/stores/table/batch-write.ts';

/**
 * The nationwide budget of a year in 총계 (the stored per-government totals, as before) and 순계
 * (net-total.ts: less transfers between a government's own 회계 and from a 시·도 to its 시·군·구),
 * over the governments whose budget is final; exact decimal strings on the wire.
 */
export async function getNationalTotal(year: number) {
  const [total, governments] = await Promise.all([nationalTotal(year), listGovernments()]);
  const parents = new Map(governments.map((government) => [government.code, government.parentCode ?? '']));
  const budgets: GovernmentBudget[] = [];
  await forEachParallel(total.items, 16, async (item) => {
    const version = await getVersion(item.gov, year, item.version);
    budgets.push({
      gov: item.gov,
      parentCode: parents.get(item.gov) ?? '',
      revenueTotal: BigInt(item.revenueTotal),
      expenditureTotal: BigInt(item.expenditureTotal),
      revenue: version ? await revenueLinesWithAccount(version) : [],
    });
  });
  const { net } = grossAndNet(budgets);
  return {
    ...total,
    gross: { revenueTotal: total.revenueTotal, expenditureTotal: total.expenditureTotal },
    net,
  };
}
