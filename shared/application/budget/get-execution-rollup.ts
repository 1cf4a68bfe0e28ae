import { fundAccounts } from '#shared/domain/budget/budget-scope.ts';
import { programNames } from '#shared/domain/budget/line-id.ts';
import { scopedRollup } from '#shared/domain/budget/line-status.ts';
import type { RollupDimension } from '#shared/domain/budget/line-status.ts';
import { monthlyExecution } from '#shared/domain/budget/monthly-execution.ts';
import { readCashControls } from '#shared/stores/budget/cash.ts';
import { readAllControls } from '#shared/stores/budget/controls.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import { getVersion, getYear, readAllLines } from '#shared/stores/budget/version.ts';

/**
 * 집행현황 of a government by department, 정책사업, 분야, 부문, 회계 or 성질 (편성목): sums of the control items of
 * the year (one Query of its BUDGET# collection; the postings are never read), the 세입세출예산 apart
 * from the 기금 (one Query of its 회계; 지방재정법 §34③, budget-scope.ts). Groups by 부서, 정책사업
 * and 회계 carry the name of their code, so a reader (the console, a report) needs no code table;
 * `by=month` gives the year month by month instead (executionByMonth).
 */
export async function getExecutionRollup(gov: string, year: number, by: RollupDimension | 'month') {
  if (by === 'month') return executionByMonth(gov, year);
  const [controls, accounts, names] = await Promise.all([readAllControls(gov, year), listAccounts(gov), groupNames(gov, year, by)]);
  const rolled = scopedRollup(controls, by, fundAccounts(accounts));
  const nameOf = by === 'account' ? new Map(accounts.map((a) => [a.code, a.name])) : names;
  return {
    gov,
    year,
    by,
    ...rolled,
    groups: rolled.groups.map((g) => {
      const name = nameOf.get(g.key);
      return name === undefined ? g : { ...g, name };
    }),
  };
}

/**
 * `by=month`: the year's totals (by 회계) and the execution over the year month by month, from the
 * CASH# counters of the same collection (monthly-execution.ts): three Queries, no posting read.
 */
async function executionByMonth(gov: string, year: number) {
  const [controls, accounts, cash] = await Promise.all([readAllControls(gov, year), listAccounts(gov), readCashControls(gov, year)]);
  const funds = fundAccounts(accounts);
  const rolled = scopedRollup(controls, 'account', funds);
  return { gov, year, by: 'month', ...rolled, groups: [], months: monthlyExecution(cash, BigInt(rolled.budget), funds) };
}

/**
 * Names of the group keys: departments from the budget structure; 정책사업 (`{회계}.{code}`) from the
 * year's final version, else its open one (line-id.ts programNames); none for the
 * public 분야·부문·성질 codes (the classification routes name them).
 */
async function groupNames(gov: string, year: number, by: RollupDimension): Promise<ReadonlyMap<string, string>> {
  if (by === 'department') return new Map((await listDepartments(gov)).map((d) => [d.code, d.name]));
  if (by !== 'policy') return new Map();
  const { finalVersion, openVersion } = await getYear(gov, year);
  const number = finalVersion ?? openVersion;
  const version = number === undefined ? undefined : await getVersion(gov, year, number);
  return version ? programNames(await readAllLines(version)) : new Map();
}
