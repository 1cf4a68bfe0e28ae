/**
 * Allotment (예산배정) and cash allocation (자금배정) limits. Both are postings: an amount is
 * added, and only a reversal referencing the original takes it back.
 *   allotment:           allotted + x ≤ budget
 *   allotment reversal:  allotted − x ≥ committed
 *   cash reversal:       allocated − x ≥ paid
 */
export interface LimitBreach {
  readonly rule: string;
  readonly requested: number;
  readonly available: number;
  readonly numbers: Readonly<Record<string, number>>;
}

export function allotmentBreach(control: { readonly budget: number; readonly allotted: number }, amount: number): LimitBreach | undefined {
  const available = control.budget - control.allotted;
  if (amount <= available) return undefined;
  return {
    rule: 'allotted + amount ≤ budget',
    requested: amount,
    available,
    numbers: { budget: control.budget, allotted: control.allotted },
  };
}

export function allotmentReversalBreach(
  control: { readonly allotted: number; readonly committed: number },
  amount: number,
): LimitBreach | undefined {
  const available = control.allotted - control.committed;
  if (amount <= available) return undefined;
  return {
    rule: 'allotted − reversal ≥ committed',
    requested: amount,
    available,
    numbers: { allotted: control.allotted, committed: control.committed },
  };
}

export function cashReversalBreach(
  control: { readonly allocated: number; readonly paid: number },
  amount: number,
): LimitBreach | undefined {
  const available = control.allocated - control.paid;
  if (amount <= available) return undefined;
  return {
    rule: 'allocated − reversal ≥ paid',
    requested: amount,
    available,
    numbers: { allocated: control.allocated, paid: control.paid },
  };
}

/** A cash allocation's month must lie in its fiscal year. */
export const monthInYear = (month: string, year: number): boolean => month.startsWith(`${year}-`);
