import type { BudgetLine } from '#shared/schemas/budget.ts';

/** Line-by-line comparison of two versions of a year (lines match by their stable id). */
export interface LineChange {
  readonly lineId: string;
  readonly kind: BudgetLine['kind'];
  readonly before: number;
  readonly after: number;
  readonly delta: bigint;
}

export interface VersionDiff {
  readonly added: readonly LineChange[];
  readonly removed: readonly LineChange[];
  /** Lines whose amount or any attribute (department, 부문, names, funding source …) changed. */
  readonly changed: readonly LineChange[];
  readonly unchangedCount: number;
  readonly expenditureDelta: bigint;
  readonly revenueDelta: bigint;
}

export function diffVersions(from: Iterable<BudgetLine>, to: Iterable<BudgetLine>): VersionDiff {
  const before = new Map([...from].map((line) => [line.lineId, line]));
  const added: LineChange[] = [];
  const changed: LineChange[] = [];
  let unchangedCount = 0;
  for (const line of to) {
    const old = before.get(line.lineId);
    before.delete(line.lineId);
    if (!old) added.push(change(line.lineId, line.kind, 0, line.amount));
    else if (sameLine(old, line)) unchangedCount += 1;
    else changed.push(change(line.lineId, line.kind, old.amount, line.amount));
  }
  const removed = [...before.values()].map((line) => change(line.lineId, line.kind, line.amount, 0));
  const all = [...added, ...removed, ...changed];
  const delta = (kind: BudgetLine['kind']) => all.filter((c) => c.kind === kind).reduce((sum, c) => sum + c.delta, 0n);
  const byId = (a: LineChange, b: LineChange) => a.lineId.localeCompare(b.lineId);
  return {
    added: added.sort(byId),
    removed: removed.sort(byId),
    changed: changed.sort(byId),
    unchangedCount,
    expenditureDelta: delta('expenditure'),
    revenueDelta: delta('revenue'),
  };
}

const change = (lineId: string, kind: BudgetLine['kind'], before: number, after: number): LineChange => ({
  lineId,
  kind,
  before,
  after,
  delta: BigInt(after) - BigInt(before),
});

function sameLine(a: BudgetLine, b: BudgetLine): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}
