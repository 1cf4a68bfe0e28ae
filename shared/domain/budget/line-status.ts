import { expenditureIdParts } from '#shared/domain/budget/line-id.ts';
import { fieldOfSector, itemOfStat } from '#shared/domain/budget/classification.ts';
import { budgetComponents } from '#shared/domain/budget/budget-components.ts';
import { splitByScope } from '#shared/domain/budget/budget-scope.ts';
import type { BudgetComponents } from '#shared/domain/budget/budget-components.ts';
import type { LineCounter } from '#shared/domain/budget/line-counters.ts';

/**
 * 집행현황 of a line, read from its control item only (current as soon as a posting is applied):
 *
 *   예산현액 (budget) = 예산액 (enacted) + 전년도이월 (carryIn) + 이용 + 전용 + 이체 + 예비비 + 성립전
 *   remaining to allot  = budget − allotted
 *   remaining to commit = allotted − committed
 *   execution rate      = paid / budget (집행률, %), exact to 2 decimals (half up), "0.00" when budget is 0
 *
 * Revenue lines: assessed, received, refunded; rate = (received − refunded) / budget.
 * Source: practice (the 집행현황 columns of budget execution reports); the components of 예산현액 follow
 * 지방재정법 §47의2 (이용·이체), §49 (전용), §43 (예비비) and the carry-overs of the year before.
 */
export interface ControlCounters extends BudgetComponents, Partial<Readonly<Record<LineCounter, number | undefined>>> {
  readonly lineId: string;
  readonly kind: 'expenditure' | 'revenue';
  readonly fund: string;
  readonly itemCode: string;
  readonly dept: string;
  readonly sector?: string | undefined;
}

const n = (value: unknown): number => Number(value ?? 0);

/** A percentage of two exact integers as a decimal string with 2 places, rounded half up. */
export function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const sign = part < 0n !== whole < 0n && part !== 0n ? '-' : '';
  const p = part < 0n ? -part : part;
  const w = whole < 0n ? -whole : whole;
  const hundredths = (p * 10_000n * 2n + w) / (2n * w);
  return `${sign}${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

export function lineStatus(control: ControlCounters) {
  const budget = n(control.budget);
  const exact = budgetComponents(control);
  const components = {
    enacted: Number(exact.enacted),
    carryIn: Number(exact.carryIn),
    transfer: Number(exact.transfer),
    diversion: Number(exact.diversion),
    reallocation: Number(exact.reallocation),
    reserve: Number(exact.reserve),
    preEstablished: Number(exact.preEstablished),
  };
  const parts = expenditureIdParts(control.lineId);
  const common = {
    lineId: control.lineId,
    kind: control.kind,
    account: control.fund,
    dept: control.dept,
    itemCode: control.itemCode,
    policy: parts?.policy ?? null,
    sector: control.sector || null,
    field: control.sector ? (fieldOfSector(control.sector) ?? null) : null,
    budget,
    components,
    preEstablishedPending: components.preEstablished > 0,
  };
  if (control.kind === 'revenue') {
    const collected = n(control.received) - n(control.refunded);
    return {
      ...common,
      assessed: n(control.assessed),
      received: n(control.received),
      refunded: n(control.refunded),
      collectionRate: percent(BigInt(collected), BigInt(budget)),
    };
  }
  const allotted = n(control.allotted);
  const committed = n(control.committed);
  const paid = n(control.paid);
  return {
    ...common,
    allotted,
    committed,
    resolved: n(control.resolved),
    ordered: n(control.ordered),
    paid,
    recoded: n(control.recodedNet),
    remainingToAllot: budget - allotted,
    remainingToCommit: allotted - committed,
    executionRate: percent(BigInt(paid), BigInt(budget)),
  };
}

export type RollupDimension = 'department' | 'policy' | 'sector' | 'field' | 'account' | 'economic';

/** Sums of expenditure lines by one dimension (편성목 for `economic`), exact (bigint → decimal strings), with the execution rate. */
export function rollup(controls: Iterable<ControlCounters>, by: RollupDimension) {
  const groups = new Map<string, { lines: number; budget: bigint; allotted: bigint; committed: bigint; paid: bigint }>();
  const keyOf = (c: ControlCounters): string => {
    const sector = c.sector ?? '';
    switch (by) {
      case 'department':
        return c.dept;
      case 'policy':
        return `${c.fund}.${expenditureIdParts(c.lineId)?.policy ?? ''}`;
      case 'sector':
        return sector || '(none)';
      case 'field':
        return (sector && fieldOfSector(sector)) || '(none)';
      case 'account':
        return c.fund;
      case 'economic':
        return itemOfStat(c.itemCode); // the 편성목, as the budget book's 성질별 rows (book.ts)
    }
  };
  for (const control of controls) {
    if (control.kind !== 'expenditure') continue;
    const key = keyOf(control);
    const g = groups.get(key) ?? { lines: 0, budget: 0n, allotted: 0n, committed: 0n, paid: 0n };
    g.lines += 1;
    g.budget += BigInt(n(control.budget));
    g.allotted += BigInt(n(control.allotted));
    g.committed += BigInt(n(control.committed));
    g.paid += BigInt(n(control.paid));
    groups.set(key, g);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => ({
      key,
      lines: g.lines,
      budget: g.budget.toString(),
      allotted: g.allotted.toString(),
      committed: g.committed.toString(),
      paid: g.paid.toString(),
      executionRate: percent(g.paid, g.budget),
    }));
}

/**
 * 집행현황 of a government by one dimension, the 세입세출예산 apart from the 기금 (budget-scope.ts,
 * 지방재정법 §34③: the same rule as the year-end 세입세출결산's totals): `budget`, `paid` and
 * `executionRate` sum the 세입세출예산's lines only; the 기금's lines are grouped on their own
 * (`scope: 'fund'`) and totalled apart (`fundBudget`, `fundPaid`, `fundExecutionRate`), only where the
 * government keeps a 기금.
 */
export function scopedRollup(controls: readonly ControlCounters[], by: RollupDimension, funds: ReadonlySet<string>) {
  const scopes = splitByScope(controls, funds);
  const inScope = (rows: readonly ControlCounters[], scope: 'budget' | 'fund') => {
    const groups = rollup(rows, by).map((g) => ({ ...g, scope }));
    const budget = groups.reduce((s, g) => s + BigInt(g.budget), 0n);
    const paid = groups.reduce((s, g) => s + BigInt(g.paid), 0n);
    return { groups, budget: budget.toString(), paid: paid.toString(), executionRate: percent(paid, budget) };
  };
  const { groups, ...totals } = inScope(scopes.budget, 'budget');
  if (funds.size === 0) return { ...totals, groups };
  const fund = inScope(scopes.fund, 'fund');
  return {
    ...totals,
    fundBudget: fund.budget,
    fundPaid: fund.paid,
    fundExecutionRate: fund.executionRate,
    groups: [...groups, ...fund.groups],
  };
}
