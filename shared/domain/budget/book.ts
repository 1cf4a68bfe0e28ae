import {
  economicGroupOf,
  itemOfStat,
  nameOfEconomicCode,
  nameOfField,
  nameOfRevenueCategory,
  nameOfSector,
} from '#shared/domain/budget/classification.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';
import { fundingSourceNames } from '#shared/schemas/budget.ts';

/**
 * A budget book (예산서 summaries) of one version. Every breakdown is summed with bigint from the
 * same lines, so each one adds up exactly to the expenditure (or revenue) total.
 */
export interface BookRow {
  readonly code: string;
  readonly name: string;
  readonly total: bigint;
}
export interface BookGroup extends BookRow {
  readonly children: readonly BookRow[];
}
export interface BudgetBookTotals {
  readonly expenditureTotal: bigint;
  readonly revenueTotal: bigint;
  readonly byFunction: readonly BookGroup[];
  readonly byEconomicGroup: readonly BookGroup[];
  readonly byDepartment: readonly BookRow[];
  readonly byAccount: readonly (BookRow & { readonly revenue: bigint })[];
  readonly byRevenueCategory: readonly BookRow[];
  readonly byFundingSource: readonly BookRow[];
}

class Tally {
  readonly sums = new Map<string, bigint>();
  add(code: string, amount: number): void {
    this.sums.set(code, (this.sums.get(code) ?? 0n) + BigInt(amount));
  }
  rows(name: (code: string) => string): BookRow[] {
    return [...this.sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, total]) => ({ code, name: name(code), total }));
  }
}

class GroupTally {
  readonly groups = new Map<string, Tally>();
  add(group: string, child: string, amount: number): void {
    const tally = this.groups.get(group) ?? new Tally();
    this.groups.set(group, tally);
    tally.add(child, amount);
  }
  rows(groupName: (code: string) => string, childName: (code: string) => string): BookGroup[] {
    return [...this.groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, tally]) => {
        const children = tally.rows(childName);
        return { code, name: groupName(code), total: children.reduce((sum, row) => sum + row.total, 0n), children };
      });
  }
}

export function budgetBook(
  lines: Iterable<BudgetLine>,
  departmentName: (code: string) => string,
  accountName: (code: string) => string,
): BudgetBookTotals {
  const byFunction = new GroupTally();
  const byEconomic = new GroupTally();
  const byDepartment = new Tally();
  const byAccountSpending = new Tally();
  const byAccountRevenue = new Tally();
  const byRevenue = new Tally();
  const byFunding = new Tally();
  let expenditureTotal = 0n;
  let revenueTotal = 0n;
  for (const line of lines) {
    if (line.kind === 'expenditure') {
      expenditureTotal += BigInt(line.amount);
      byFunction.add(line.field, line.sector, line.amount);
      byEconomic.add(economicGroupOf(line.statItem), itemOfStat(line.statItem), line.amount);
      byDepartment.add(line.dept, line.amount);
      byAccountSpending.add(line.account, line.amount);
      byFunding.add(line.fundingSource, line.amount);
    } else {
      revenueTotal += BigInt(line.amount);
      byRevenue.add(line.category, line.amount);
      byAccountRevenue.add(line.account, line.amount);
    }
  }
  const accounts = [...new Set([...byAccountSpending.sums.keys(), ...byAccountRevenue.sums.keys()])].sort();
  return {
    expenditureTotal,
    revenueTotal,
    byFunction: byFunction.rows(nameOfField, nameOfSector),
    byEconomicGroup: byEconomic.rows(nameOfEconomicCode, nameOfEconomicCode),
    byDepartment: byDepartment.rows(departmentName),
    byAccount: accounts.map((code) => ({
      code,
      name: accountName(code),
      total: byAccountSpending.sums.get(code) ?? 0n,
      revenue: byAccountRevenue.sums.get(code) ?? 0n,
    })),
    byRevenueCategory: byRevenue.rows(nameOfRevenueCategory),
    byFundingSource: byFunding.rows((code) => fundingSourceNames[code as keyof typeof fundingSourceNames] ?? code),
  };
}
