import type { ControlledItem, Target } from '#shared/domain/execution/items.ts';
import { targetKey } from '#shared/domain/execution/items.ts';
import { applyDeltas } from '#shared/domain/execution/counters.ts';
import type { Effect, Need, Snapshot, StoredResult } from '#shared/domain/execution/snapshot.ts';
import { needKey } from '#shared/domain/execution/snapshot.ts';

/** Thrown while planning when a rule needs state that was not read: the planner asks for it. Source: practice: the working state the rules read and the planner updates. */
export class MissingState extends Error {
  readonly need: Need;
  /** Every need of the read that failed (a rule reading several items at once asks for all of them). */
  readonly needs: readonly Need[];
  constructor(need: Need, more: readonly Need[] = []) {
    super(`state not read: ${needKey(need)}`);
    this.need = need;
    this.needs = [need, ...more];
  }
}

/**
 * The snapshot plus the effects of the postings planned so far in the batch, so each posting is
 * judged on the state its predecessors leave (in queue order).
 */
export class WorkingState {
  readonly #snapshot: Snapshot;
  readonly #items = new Map<string, ControlledItem | null>();
  readonly #decided = new Set<string>();
  readonly #reversed = new Set<string>();

  constructor(snapshot: Snapshot) {
    this.#snapshot = snapshot;
  }

  item(target: Target): ControlledItem | undefined {
    const key = targetKey(target);
    if (this.#items.has(key)) return this.#items.get(key) ?? undefined;
    const stored = this.#snapshot.items.get(key);
    if (stored === undefined) throw new MissingState({ type: 'item', target });
    return stored ?? undefined;
  }

  /** Several items read in one round: all those not read yet are asked for together. */
  items(targets: readonly Target[]): (ControlledItem | undefined)[] {
    const unread = targets
      .filter((target) => !this.#items.has(targetKey(target)) && this.#snapshot.items.get(targetKey(target)) === undefined)
      .map((target): Need => ({ type: 'item', target }));
    const [first, ...more] = unread;
    if (first) throw new MissingState(first, more);
    return targets.map((target) => this.item(target));
  }

  storedResult(gov: string, postingId: string): StoredResult | undefined {
    const stored = this.#snapshot.results.get(needKey({ type: 'result', gov, postingId }));
    if (stored === undefined) throw new MissingState({ type: 'result', gov, postingId });
    return stored ?? undefined;
  }

  /** Decided already: stored, or earlier in this batch (a message delivered twice). */
  isDecided(gov: string, postingId: string): boolean {
    return this.#decided.has(`${gov}|${postingId}`) || this.storedResult(gov, postingId) !== undefined;
  }

  markDecided(gov: string, postingId: string): void {
    this.#decided.add(`${gov}|${postingId}`);
  }

  isReversed(gov: string, postingId: string): boolean {
    if (this.#reversed.has(`${gov}|${postingId}`)) return true;
    return this.#marker({ type: 'reversal', gov, postingId });
  }

  markReversed(gov: string, postingId: string): void {
    this.#reversed.add(`${gov}|${postingId}`);
  }

  isClosed(gov: string, year: number, period: string): boolean {
    return this.#marker({ type: 'closed', gov, year, period });
  }

  /** The item as it will be once `effect` applies (a created document starts from zero). */
  afterEffect(effect: Effect): { before: ControlledItem; after: ControlledItem } {
    const existing = this.item(effect.target);
    const before: ControlledItem = existing ?? { target: effect.target, kind: effect.kind, attrs: effect.create ?? {}, counters: {} };
    return { before, after: applyDeltas(before, effect.deltas) };
  }

  apply(effects: readonly Effect[]): void {
    for (const effect of effects) this.#items.set(targetKey(effect.target), this.afterEffect(effect).after);
  }

  #marker(need: Need): boolean {
    const present = this.#snapshot.markers.get(needKey(need));
    if (present === undefined) throw new MissingState(need);
    return present;
  }
}
