import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { lineAccountingRefusal } from '#shared/domain/budget/line-accounting.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * Every line names an account (회계) and a department the government has, and the books can journal it.
 * Source: practice; the journal attributes follow 「지방자치단체 회계기준에 관한 규칙」 (see shared/domain/accounting).
 */
export function structureRefusal(
  gov: string,
  lines: readonly BudgetLine[],
  accounts: ReadonlySet<string>,
  departments: ReadonlySet<string>,
): Refusal | undefined {
  for (const line of lines) {
    if (!accounts.has(line.account))
      return refusal('unprocessable', 'unknown-account', `government ${gov} has no account ${line.account}`, { lineId: line.lineId });
    if (!departments.has(line.dept))
      return refusal('unprocessable', 'unknown-department', `government ${gov} has no department ${line.dept}`, { lineId: line.lineId });
  }
  return lineAccountingRefusal(lines, accounts);
}

/** A department official changes only the lines of their own department (before and after the change). */
export function otherDepartmentRefusal(dept: string | undefined, touched: readonly BudgetLine[]): Refusal | undefined {
  const foreign = touched.find((line) => line.dept !== dept);
  if (!foreign) return undefined;
  return refusal('forbidden', 'other-department', `a department official may change only the lines of department ${dept ?? '(none)'}`, {
    lineId: foreign.lineId,
    dept: foreign.dept,
  });
}

/** A request names each line once. */
export function duplicateLineRefusal(ids: readonly string[]): Refusal | undefined {
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  return duplicate === undefined
    ? undefined
    : refusal('invalid', 'duplicate-line', `line ${duplicate} appears more than once in the request`);
}
