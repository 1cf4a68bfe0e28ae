import { percent, rollup } from '#shared/domain/budget/line-status.ts';
import type { RollupDimension } from '#shared/domain/budget/line-status.ts';
import { readAllControls } from '#shared/stores/budget/controls.ts';

/**
 * 집행현황 of a government by department, 정책사업, 분야, 부문, 회계 or 성질 (편성목): sums of the control items of
 * the year (one Query of its BUDGET# collection; the postings are never read).
 */
export async function getExecutionRollup(gov: string, year: number, by: RollupDimension) {
  const controls = await readAllControls(gov, year);
  const groups = rollup(controls, by);
  const budget = groups.reduce((s, g) => s + BigInt(g.budget), 0n);
  const paid = groups.reduce((s, g) => s + BigInt(g.paid), 0n);
  return { gov, year, by, budget: budget.toString(), paid: paid.toString(), executionRate: percent(paid, budget), groups };
}
