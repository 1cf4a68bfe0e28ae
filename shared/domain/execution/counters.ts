import type { ControlledItem, Invariant } from '#shared/domain/execution/items.ts';
import { countersOf, invariantsOf } from '#shared/domain/execution/items.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

export type Deltas = Readonly<Record<string, number>>;

const counter = (item: ControlledItem, name: string): number => item.counters[name] ?? 0;
const delta = (deltas: Deltas, name: string): number => deltas[name] ?? 0;

/**
 * Counters and deltas are exact integers within MAX_COUNTER (items.ts), but a counter plus a delta
 * need not be: every sum and comparison below is done in bigint, so no rule is judged on a rounded number.
 * Source: practice (exact won; the rules themselves cite their articles in items.ts and rules/).
 */
const exactCounter = (item: ControlledItem, name: string): bigint => BigInt(counter(item, name));
const exactDelta = (deltas: Deltas, name: string): bigint => BigInt(delta(deltas, name));

/**
 * Checks the change `deltas` on `item` against its invariants. A rule is only checked when the change
 * moves it the wrong way (its lesser side grows or its greater side shrinks), so a posting that
 * eases a rule is never refused because of someone else's earlier state.
 */
export function counterRefusal(item: ControlledItem, deltas: Deltas): Refusal | undefined {
  for (const name of countersOf[item.kind]) {
    const change = delta(deltas, name);
    if (change < 0 && exactCounter(item, name) + BigInt(change) < 0n) {
      return refusal('unprocessable', 'counter-not-negative', `${item.kind} ${name} would fall below zero`, {
        rule: 'counter-not-negative',
        item: item.kind,
        counter: name,
        current: counter(item, name),
        change,
      });
    }
  }
  for (const invariant of invariantsOf[item.kind]) {
    const worsens = delta(deltas, invariant.lesser) > 0 || (typeof invariant.greater === 'string' && delta(deltas, invariant.greater) < 0);
    if (!worsens) continue;
    const lesserAfter = exactCounter(item, invariant.lesser) + exactDelta(deltas, invariant.lesser);
    if (lesserAfter > boundAfter(item, invariant, deltas)) return invariantRefusal(item, invariant, deltas);
  }
  return undefined;
}

function boundAfter(item: ControlledItem, invariant: Invariant, deltas: Deltas): bigint {
  return typeof invariant.greater === 'number'
    ? BigInt(invariant.greater)
    : exactCounter(item, invariant.greater) + exactDelta(deltas, invariant.greater);
}

function invariantRefusal(item: ControlledItem, invariant: Invariant, deltas: Deltas): Refusal {
  const bound = typeof invariant.greater === 'number' ? 'limit' : invariant.greater;
  const context: Record<string, unknown> = {
    rule: invariant.rule,
    item: item.kind,
    [invariant.lesser]: counter(item, invariant.lesser),
    [bound]: typeof invariant.greater === 'number' ? invariant.greater : counter(item, invariant.greater),
    change: { ...deltas },
  };
  const lesserAfter = exactCounter(item, invariant.lesser) + exactDelta(deltas, invariant.lesser);
  const detail = `${item.kind} ${invariant.lesser} would be ${lesserAfter}, more than its ${bound} ${boundAfter(item, invariant, deltas)}`;
  return refusal('unprocessable', invariant.rule, detail, context);
}

/** One side of a write condition: `attribute <= value` or `attribute >= value` (exact: the value may pass 2^53). */
export interface CounterCondition {
  readonly attribute: string;
  readonly comparator: '<=' | '>=';
  readonly value: bigint;
}

/**
 * The conditions under which adding `deltas` to the stored item keeps every invariant, given the
 * counters read before (`before`). For `lesser ≤ greater` with read value G₀ of the bound:
 * `lesser ≤ G₀ + Δgreater − Δlesser` and `greater ≥ G₀`. Together they imply the rule after the
 * write even when another writer (budgeting moving `allotted`, another line paying from the same
 * cash allocation) changed the item since it was read: the aggregated ADD of a whole batch is safe
 * exactly when the sum fits.
 */
export function writeConditions(before: ControlledItem, deltas: Deltas): CounterCondition[] {
  const conditions: CounterCondition[] = [];
  for (const name of countersOf[before.kind]) {
    const change = delta(deltas, name);
    if (change < 0) conditions.push({ attribute: name, comparator: '>=', value: -BigInt(change) });
  }
  for (const invariant of invariantsOf[before.kind]) {
    const lesserChange = exactDelta(deltas, invariant.lesser);
    if (typeof invariant.greater === 'number') {
      if (lesserChange > 0n)
        conditions.push({ attribute: invariant.lesser, comparator: '<=', value: BigInt(invariant.greater) - lesserChange });
      continue;
    }
    const greaterChange = exactDelta(deltas, invariant.greater);
    if (lesserChange <= 0n && greaterChange >= 0n) continue;
    const greaterBefore = exactCounter(before, invariant.greater);
    conditions.push({ attribute: invariant.lesser, comparator: '<=', value: greaterBefore + greaterChange - lesserChange });
    conditions.push({ attribute: invariant.greater, comparator: '>=', value: greaterBefore });
  }
  return mergeConditions(conditions);
}

/** The stored-value bounds an item change carries from its effects' ceilings (plan-batch.ts), as write conditions. */
export const ceilingConditions = (bounds: Readonly<Record<string, bigint>> | undefined): CounterCondition[] =>
  Object.entries(bounds ?? {}).map(([attribute, value]) => ({ attribute, comparator: '<=' as const, value }));

/** Keeps the tightest bound per attribute and comparator. */
function mergeConditions(conditions: readonly CounterCondition[]): CounterCondition[] {
  const byKey = new Map<string, CounterCondition>();
  for (const condition of conditions) {
    const key = `${condition.attribute}${condition.comparator}`;
    const existing = byKey.get(key);
    const tighter = !existing || (condition.comparator === '<=' ? condition.value < existing.value : condition.value > existing.value);
    if (tighter) byKey.set(key, condition);
  }
  return [...byKey.values()];
}

export function applyDeltas(item: ControlledItem, deltas: Deltas): ControlledItem {
  const counters: Record<string, number> = { ...item.counters };
  for (const [name, change] of Object.entries(deltas)) counters[name] = (counters[name] ?? 0) + change;
  return { ...item, counters };
}

export function addDeltas(a: Deltas, b: Deltas): Deltas {
  const sum: Record<string, number> = { ...a };
  for (const [name, change] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + change;
  return sum;
}

export function negate(deltas: Deltas): Deltas {
  return Object.fromEntries(Object.entries(deltas).map(([name, change]) => [name, -change]));
}
