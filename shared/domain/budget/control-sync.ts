import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * What a final version writes into the control items (see budget-control-keys.ts): every line's
 * `budget` and descriptive attributes; lines that disappeared from the budget keep their item with
 * budget 0 (their counters stay for settlement). Counters are never written here except to create
 * them at 0. A version that would put a line's budget below what is already allotted is refused.
 */
export interface ExistingControl {
  readonly lineId: string;
  readonly budget: number;
  readonly allotted: number;
}

export interface ControlWrite {
  readonly lineId: string;
  readonly kind: BudgetLine['kind'];
  readonly fund: string;
  readonly itemCode: string;
  readonly dept: string;
  readonly mandatory: boolean;
  readonly budget: number;
}

export interface BelowAllotted {
  readonly lineId: string;
  readonly budget: number;
  readonly allotted: number;
}

export type ControlPlan =
  | {
      readonly ok: true;
      readonly writes: readonly ControlWrite[];
      /** Lines of earlier final versions (or the provisional budget) that this version no longer has. */
      readonly zeroed: readonly string[];
    }
  | { readonly ok: false; readonly violations: readonly BelowAllotted[] };

export const controlWriteOf = (line: BudgetLine): ControlWrite => ({
  lineId: line.lineId,
  kind: line.kind,
  fund: line.account,
  itemCode: line.kind === 'expenditure' ? line.statItem : line.category,
  dept: line.dept,
  mandatory: line.kind === 'expenditure' ? line.mandatory : false,
  budget: line.amount,
});

export function planControlSync(lines: Iterable<BudgetLine>, existing: Iterable<ExistingControl>): ControlPlan {
  const current = new Map([...existing].map((control) => [control.lineId, control]));
  const writes = [...lines].map(controlWriteOf);
  const inVersion = new Set(writes.map((write) => write.lineId));
  const dropped = [...current.values()].filter((control) => !inVersion.has(control.lineId));
  const violations: BelowAllotted[] = [];
  for (const write of writes) {
    const control = current.get(write.lineId);
    if (control && write.budget < control.allotted)
      violations.push({ lineId: write.lineId, budget: write.budget, allotted: control.allotted });
  }
  for (const control of dropped) {
    if (control.allotted > 0) violations.push({ lineId: control.lineId, budget: 0, allotted: control.allotted });
  }
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, writes, zeroed: dropped.filter((control) => control.budget !== 0).map((control) => control.lineId) };
}
