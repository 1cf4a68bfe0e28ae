import { balanceDeltas } from '#shared/domain/ledger/balances.ts';
import type { JournalEntry } from '#shared/domain/ledger/journal.ts';

/**
 * A 결산정리분개 too large for one transaction (DynamoDB takes 100 actions in a TransactWriteItems)
 * is written in parts: each part is one transaction of its entries' running-balance updates and its
 * register assets, plus the fixed actions every part carries (the open-year check, the part's own
 * applied marker, its audit record). Source: practice (the store's limit, not a rule of the books):
 * parts are consecutive and each is applied exactly once, so their sum is the adjustment.
 */
export interface AdjustmentPart<A> {
  readonly entries: readonly JournalEntry[];
  readonly assets: readonly A[];
}

/** Actions every part writes besides its balances and assets: open-year check, part marker, audit record. */
export const FIXED_ACTIONS_PER_PART = 3;

/** The distinct running-balance items (balances.ts) an entry touches. */
const balanceKeys = (gov: string, year: number, entry: JournalEntry): string[] =>
  balanceDeltas([{ gov, year, entry }]).map((d) =>
    [d.period, d.fund, d.account, d.function, d.counterpart, d.cashActivity, d.cashLabel, d.cashCounterpart].join('|'),
  );

/**
 * Packs entries, then assets, into parts of at most `maxActions` actions each (an entry's balance
 * items count once per part however many entries share them). Entries touching the same balance
 * items are packed together (a stable sort by those items; the order of entries dated the same day
 * does not change the books), assets in their order. Always at least one part.
 */
export function adjustmentParts<A>(
  gov: string,
  year: number,
  entries: readonly JournalEntry[],
  assets: readonly A[],
  maxActions = 100,
): AdjustmentPart<A>[] {
  const capacity = maxActions - FIXED_ACTIONS_PER_PART;
  const parts: { entries: JournalEntry[]; assets: A[]; keys: Set<string> }[] = [{ entries: [], assets: [], keys: new Set() }];
  const current = () => parts[parts.length - 1]!;
  const keyed = entries.map((entry) => ({ entry, keys: balanceKeys(gov, year, entry) }));
  const signature = (keys: readonly string[]) => keys.join(',');
  keyed.sort((a, b) => (signature(a.keys) < signature(b.keys) ? -1 : signature(a.keys) > signature(b.keys) ? 1 : 0));
  for (const { entry, keys } of keyed) {
    if (keys.length > capacity) throw new Error(`one adjusting entry touches ${keys.length} balance items, more than a part holds`);
    const part = current();
    const added = keys.filter((k) => !part.keys.has(k)).length;
    const target = part.keys.size + added + part.assets.length <= capacity ? part : { entries: [], assets: [], keys: new Set<string>() };
    if (target !== part) parts.push(target);
    target.entries.push(entry);
    for (const k of keys) target.keys.add(k);
  }
  for (const asset of assets) {
    let part = current();
    if (part.keys.size + part.assets.length + 1 > capacity) {
      part = { entries: [], assets: [], keys: new Set() };
      parts.push(part);
    }
    part.assets.push(asset);
  }
  return parts.map(({ entries: e, assets: a }) => ({ entries: e, assets: a }));
}
