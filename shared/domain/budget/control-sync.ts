import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { lineJournalAttributes } from '#shared/domain/budget/line-accounting.ts';
import type { BudgetLine } from '#shared/schemas/budget.ts';

/**
 * What a final version writes into the control items (see budget-control-keys.ts): every line's
 * `budget` (예산현액 = the version's amount + the carry-in from last year's closing) and descriptive
 * attributes; lines that disappeared from the budget keep their item with only their carry-in as
 * budget (their counters stay for settlement). Counters are never written here except to create
 * them at 0. A version that would put a line's budget below what is already allotted is refused.
 */
export interface ExistingControl {
  readonly lineId: string;
  readonly budget: number;
  readonly allotted: number;
  readonly carryIn: number;
  /** Net of the changes made during execution (전용, 이용, 이체, 예비비, 성립전: budget-change.ts); kept across versions. */
  readonly changesNet?: number;
  /** 성립전예산 not yet included in a 추경 (지방재정법 §45). */
  readonly preEstablished?: number;
}

/** Carry-ins (이월) into this year per line id, from the previous year's closing. */
export type CarryIns = ReadonlyMap<string, number>;
const noCarryIns: CarryIns = new Map();

/** One carry-in as the closing recorded it; a line may have several (e.g. 명시이월 and 사고이월). */
export interface CarryIn {
  readonly lineId: string;
  readonly amount: number;
}

/** The carry-ins summed per line. */
export function carryInsByLine(rows: Iterable<CarryIn>): CarryIns {
  const byLine = new Map<string, number>();
  for (const { lineId, amount } of rows) byLine.set(lineId, (byLine.get(lineId) ?? 0) + amount);
  return byLine;
}

export interface ControlWrite {
  readonly lineId: string;
  readonly kind: BudgetLine['kind'];
  readonly fund: string;
  readonly itemCode: string;
  readonly dept: string;
  readonly mandatory: boolean;
  readonly budget: number;
  readonly carryIn: number;
  // issue #14: the components of 예산현액 besides the carry-in (see budget-change.ts)
  /** 예산액: the line's amount in the version. */
  readonly enacted: number;
  /** 부문 of an expenditure line (for roll-ups by 분야/부문); '' for revenue. */
  readonly sector: string;
  readonly changesNet: number;
  readonly preEstablished: number;
  /** The net of changes the plan was computed from: the write fails if a change landed since. */
  readonly changesNetWas: number;
  /** What the journal map needs of the line (line-accounting.ts), in the accounting module's terms. */
  readonly journal: JournalAttributes;
}

/** Flat string attributes of the line for the journal (empty where the line has none). */
export interface JournalAttributes {
  readonly code: string;
  readonly structureType?: string;
  readonly assetClass?: string;
  readonly assetAccount?: string;
  /** 401/405: 내용연수 in years, as text (the control item's journal attributes are flat strings). */
  readonly usefulLifeYears?: string;
  readonly function?: string;
  readonly internalCounterpart?: string;
  readonly debtInstrument?: string;
}

export interface ZeroedControl {
  readonly lineId: string;
  readonly budget: number;
  readonly carryIn: number;
  readonly enacted: number;
  readonly changesNetWas: number;
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
      readonly zeroed: readonly ZeroedControl[];
    }
  | { readonly ok: false; readonly violations: readonly BelowAllotted[] };

/**
 * A line of the version as its control item carries it: 예산현액 = 예산액 + carry-in + the changes
 * made during execution. A 성립전 amount is part of a version that includes the line (the 추경 that
 * 지방재정법 §45 requires), so it leaves the changes and its flag is cleared.
 */
export const controlWriteOf = (line: BudgetLine, carryIns: CarryIns = noCarryIns, existing?: ExistingControl): ControlWrite => {
  const carryIn = carryIns.get(line.lineId) ?? 0;
  const changesNetWas = existing?.changesNet ?? 0;
  const changesNet = changesNetWas - (existing?.preEstablished ?? 0);
  return {
    lineId: line.lineId,
    kind: line.kind,
    fund: line.account,
    itemCode: line.kind === 'expenditure' ? line.statItem : line.category,
    dept: line.dept,
    mandatory: line.kind === 'expenditure' ? line.mandatory : false,
    budget: line.amount + carryIn + changesNet,
    carryIn,
    enacted: line.amount,
    sector: line.kind === 'expenditure' ? line.sector : '',
    changesNet,
    preEstablished: 0,
    changesNetWas,
    journal: journalAttributesOf(line),
  };
};

function journalAttributesOf(line: BudgetLine): JournalAttributes {
  const { source: _source, usefulLifeYears, ...attributes } = lineJournalAttributes(line);
  return { ...attributes, ...(usefulLifeYears ? { usefulLifeYears: String(usefulLifeYears) } : {}) };
}

export function planControlSync(
  lines: Iterable<BudgetLine>,
  existing: Iterable<ExistingControl>,
  carryIns: CarryIns = noCarryIns,
): ControlPlan {
  const current = new Map([...existing].map((control) => [control.lineId, control]));
  const writes = [...lines].map((line) => controlWriteOf(line, carryIns, current.get(line.lineId)));
  const inVersion = new Set(writes.map((write) => write.lineId));
  const dropped = [...current.values()].filter((control) => !inVersion.has(control.lineId));
  const violations: BelowAllotted[] = [];
  for (const write of writes) {
    const control = current.get(write.lineId);
    if (control && write.budget < control.allotted)
      violations.push({ lineId: write.lineId, budget: write.budget, allotted: control.allotted });
  }
  // A line the version no longer has keeps its carry-in and the changes made during execution
  // (a 성립전 line stays flagged until a 추경 includes it).
  const zeroed = dropped.map((control) => {
    const carryIn = carryIns.get(control.lineId) ?? 0;
    const changesNetWas = control.changesNet ?? 0;
    return { lineId: control.lineId, budget: carryIn + changesNetWas, carryIn, enacted: 0, changesNetWas };
  });
  for (const control of zeroed) {
    const allotted = current.get(control.lineId)?.allotted ?? 0;
    if (allotted > control.budget) violations.push({ lineId: control.lineId, budget: control.budget, allotted });
  }
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, writes, zeroed: zeroed.filter((control) => current.get(control.lineId)?.budget !== control.budget) };
}

/** A version that would put lines' budget below what is already allotted: reverse those allotments first. */
export const belowAllottedRefusal = (violations: readonly BelowAllotted[]): Refusal =>
  refusal(
    'conflict',
    'budget-below-allotted',
    `${violations.length} line(s) would get a budget below what is already allotted; reverse those allotments first (first: ${violations[0]?.lineId} budget ${violations[0]?.budget} < allotted ${violations[0]?.allotted})`,
    { rule: 'allotted ≤ budget', count: violations.length, violations: violations.slice(0, 100) },
  );
