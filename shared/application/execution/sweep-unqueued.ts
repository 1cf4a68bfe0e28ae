import { isPostingDecided, readPostingRequest } from '#shared/stores/execution/posting-requests.ts';
import { deleteUnqueued, enqueuePosting, readUnqueued } from '#shared/stores/execution/postings-queue.ts';
import type { UnqueuedPosting } from '#shared/stores/execution/postings-queue.ts';
import { OUTBOX_PARTITIONS } from '#shared/stores/execution/posting-keys.ts';

/**
 * How old an outbox marker must be before the sweeper enqueues it. The API deletes the marker
 * milliseconds after writing it; a minute later, only a crash (or a failed SendMessage) explains it.
 * Enqueueing a posting the API is still enqueueing is harmless anyway (deduplicated by posting id).
 */
export const SWEEP_AFTER_SECONDS = 30;
const PAGE = 100;

export interface SweepReport {
  /** Outbox partitions read (one Query each, nearly always empty). */
  readonly partitions: number;
  /** Postings put on the queue that a crash had left off it. */
  readonly enqueued: number;
  /** Markers of postings decided already (enqueued, then the marker's deletion was lost). */
  readonly decided: number;
}

/**
 * The outbox sweep (every minute, shared/schedules.ts): every "to enqueue" marker older than
 * `olderThanSeconds` is enqueued, so a posting stored by the API but never queued (a crash
 * between the two, a failed SendMessage) is applied without its client retrying.
 */
export async function sweepUnqueued(now: Date, olderThanSeconds = SWEEP_AFTER_SECONDS): Promise<SweepReport> {
  const before = new Date(now.getTime() - olderThanSeconds * 1000).toISOString();
  let enqueued = 0;
  let decided = 0;
  const sweepPartition = async (partition: number) => {
    for (;;) {
      const markers = await readUnqueued(partition, before, PAGE);
      for (const marker of markers) {
        if (await enqueueMarked(marker)) enqueued += 1;
        else decided += 1;
      }
      if (markers.length < PAGE) return;
    }
  };
  await Promise.all(Array.from({ length: OUTBOX_PARTITIONS }, (_, partition) => sweepPartition(partition)));
  return { partitions: OUTBOX_PARTITIONS, enqueued, decided };
}

/** Enqueues the marked posting (which deletes the marker); false when it needed no enqueueing. */
async function enqueueMarked(marker: UnqueuedPosting): Promise<boolean> {
  const [stored, decided] = await Promise.all([
    readPostingRequest(marker.gov, marker.postingId),
    isPostingDecided(marker.gov, marker.postingId),
  ]);
  if (!stored || decided) {
    await deleteUnqueued(marker);
    return false;
  }
  await enqueuePosting(stored.message, marker.deduplicationId);
  return true;
}
