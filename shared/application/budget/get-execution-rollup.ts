import { fundAccounts } from '#shared/domain/budget/budget-scope.ts';
import { scopedRollup } from '#shared/domain/budget/line-status.ts';
import type { RollupDimension } from '#shared/domain/budget/line-status.ts';
import { readAllControls } from '#shared/stores/budget/controls.ts';
import { listAccounts } from '#shared/stores/budget/structure.ts';

/**
 * 집행현황 of a government by department, 정책사업, 분야, 부문, 회계 or 성질 (편성목): sums of the control items of
 * the year (one Query of its BUDGET# collection; the postings are never read), the 세입세출예산 apart
 * from the 기금 (one Query of its 회계; 지방재정법 §34③, budget-scope.ts).
 */
export async function getExecutionRollup(gov: string, year: number, by: RollupDimension) {
  const [controls, accounts] = await Promise.all([readAllControls(gov, year), listAccounts(gov)]);
  return { gov, year, by, ...scopedRollup(controls, by, fundAccounts(accounts)) };
}
