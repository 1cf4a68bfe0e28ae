import type { ControlledItem } from '#shared/domain/execution/items.ts';
import type { Need, Snapshot, StoredResult } from '#shared/domain/execution/snapshot.ts';
import { needKey } from '#shared/domain/execution/snapshot.ts';
import { needItemKey } from '#shared/stores/execution/posting-keys.ts';
import { toControlledItem, toStoredResult } from '#shared/stores/execution/posting-items.ts';
import { keyOf } from '#shared/stores/table/batch-get.ts';
import { coalescedGet } from '#shared/stores/table/coalesced-get.ts';

/**
 * Reads what the posting rules asked for (strongly consistent BatchGets, coalesced with the reads of the
 * postings accepted or applied at the same time: coalesced-get.ts) into a new snapshot: items and results
 * found or absent (null), markers present or not.
 */
export async function readNeeds(snapshot: Snapshot, needs: readonly Need[]): Promise<Snapshot> {
  const items = new Map(snapshot.items);
  const results = new Map(snapshot.results);
  const markers = new Map(snapshot.markers);
  const found = await coalescedGet(needs.map(needItemKey), { consistent: true });
  for (const need of needs) {
    const item = found.get(keyOf(needItemKey(need)));
    const id = needKey(need);
    if (need.type === 'item') items.set(id, item ? toControlledItem(need.target, item) : (null as ControlledItem | null));
    else if (need.type === 'result') results.set(id, item ? toStoredResult(item) : (null as StoredResult | null));
    else markers.set(id, item !== undefined);
  }
  return { items, results, markers };
}
