import type { BudgetLine } from '#shared/schemas/budget.ts';

/** Exact totals of a version: bigint in code, decimal strings when stored or sent. */
export interface VersionTotals {
  readonly expenditure: bigint;
  readonly revenue: bigint;
}

export function totalsOf(lines: Iterable<Pick<BudgetLine, 'kind' | 'amount'>>): VersionTotals {
  let expenditure = 0n;
  let revenue = 0n;
  for (const line of lines) {
    if (line.kind === 'expenditure') expenditure += BigInt(line.amount);
    else revenue += BigInt(line.amount);
  }
  return { expenditure, revenue };
}

/** Totals after replacing `before` lines by `after` lines (either may be absent). */
export function applyLineChanges(
  totals: VersionTotals,
  changes: readonly { readonly before?: Pick<BudgetLine, 'kind' | 'amount'>; readonly after?: Pick<BudgetLine, 'kind' | 'amount'> }[],
): VersionTotals {
  let { expenditure, revenue } = totals;
  for (const { before, after } of changes) {
    for (const [line, sign] of [
      [before, -1n],
      [after, 1n],
    ] as const) {
      if (!line) continue;
      if (line.kind === 'expenditure') expenditure += sign * BigInt(line.amount);
      else revenue += sign * BigInt(line.amount);
    }
  }
  return { expenditure, revenue };
}

export interface BalanceCheck {
  readonly balanced: boolean;
  readonly expenditure: bigint;
  readonly revenue: bigint;
  /** revenue − expenditure: positive when revenue exceeds spending. */
  readonly difference: bigint;
}

/** Balanced budget (세입 = 세출): required before submission, resolution and finalisation. */
export function checkBalance(totals: VersionTotals): BalanceCheck {
  const difference = totals.revenue - totals.expenditure;
  return { balanced: difference === 0n, expenditure: totals.expenditure, revenue: totals.revenue, difference };
}

/** Sum of decimal-string totals, exact beyond 2^53. */
export const sumWon = (values: Iterable<string | number | bigint>): bigint => {
  let sum = 0n;
  for (const value of values) sum += BigInt(value);
  return sum;
};
