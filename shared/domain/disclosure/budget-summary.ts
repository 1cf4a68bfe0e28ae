import { functionalFields, nameOfField, revenueCategories } from '#shared/domain/budget/classification.ts';
import { sumBy } from '#shared/domain/sums.ts';

/**
 * The disclosed budget of a government and year: revenue by category (세입 by source) and
 * expenditure by 분야, every category and field listed (zero when the budget has none) in code
 * order, amounts exact (bigint here, decimal strings on the wire).
 * Source: 지방재정법 제60조 (재정운용상황의 공시); the categories are practice (지방재정365).
 */
export interface SummaryRow {
  readonly code: string;
  readonly name: string;
  readonly amount: bigint;
}

export interface BudgetSummary {
  readonly revenue: readonly SummaryRow[];
  readonly expenditure: readonly SummaryRow[];
  readonly revenueTotal: bigint;
  readonly expenditureTotal: bigint;
}

export function summarise(
  revenue: Iterable<{ readonly category: string; readonly amount: number | bigint }>,
  expenditure: Iterable<{ readonly field: string; readonly amount: number | bigint }>,
): BudgetSummary {
  const byCategory = sumAmounts(revenue, (line) => line.category);
  const byField = sumAmounts(expenditure, (line) => line.field);
  const revenueRows = revenueCategories.map((category) => ({
    code: category.code,
    name: category.nameKo,
    amount: byCategory.get(category.code) ?? 0n,
  }));
  const expenditureRows = functionalFields.map((field) => ({
    code: field.code,
    name: field.nameKo,
    amount: byField.get(field.code) ?? 0n,
  }));
  // Codes outside the tables (none today) are still counted, so the rows always add up to the totals.
  for (const [code, amount] of byCategory)
    if (!revenueRows.some((row) => row.code === code)) revenueRows.push({ code, name: code, amount });
  for (const [code, amount] of byField)
    if (!expenditureRows.some((row) => row.code === code)) expenditureRows.push({ code, name: nameOfField(code), amount });
  return {
    revenue: revenueRows,
    expenditure: expenditureRows,
    revenueTotal: revenueRows.reduce((sum, row) => sum + row.amount, 0n),
    expenditureTotal: expenditureRows.reduce((sum, row) => sum + row.amount, 0n),
  };
}

function sumAmounts<T extends { readonly amount: number | bigint }>(lines: Iterable<T>, key: (line: T) => string): Map<string, bigint> {
  return sumBy(lines, key, (line) => BigInt(line.amount));
}
