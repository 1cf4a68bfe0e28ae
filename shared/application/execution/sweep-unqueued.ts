import codes from '#shared/data/government-codes.json' with { type: 'json' };
import { acceptedBetween, advanceSweptTo, decidedAmong, readSweptTo } from '#shared/stores/execution/accepted-postings.ts';
import { isPostingDecided, readPostingRequest } from '#shared/stores/execution/posting-requests.ts';
import { deleteUnqueued, enqueuePosting, readUnqueued, sendPosting } from '#shared/stores/execution/postings-queue.ts';
import type { UnqueuedPosting } from '#shared/stores/execution/postings-queue.ts';
import { OUTBOX_PARTITIONS } from '#shared/stores/execution/posting-keys.ts';

/**
 * How old an accepted posting (or a replay's outbox marker) must be before the sweeper sends it.
 * The API sends a posting milliseconds after storing it, and answers within API Gateway's 30 s; a
 * posting still undecided later than this was either never sent (a crash, a failed SendMessage) or
 * is waiting on the queue, where the queue's five-minute deduplication by posting id (and the
 * consumer's, for ever) makes sending it again harmless.
 */
export const SWEEP_AFTER_SECONDS = 30;
/** Where a sweep that never ran starts: a fresh deployment has no acceptance older than this to find. */
const FIRST_SWEEP_HOURS = 24;
const PAGE = 100;
const GOVERNMENTS_AT_ONCE = 16;

export interface SweepReport {
  /** Outbox partitions read (one Query each, nearly always empty: replays only). */
  readonly partitions: number;
  /** Accepted postings whose audit records the sweep read (those accepted since the last sweep). */
  readonly accepted: number;
  /** Postings put on the queue that a crash (or a failed SendMessage) had left off it, or that still wait on it. */
  readonly enqueued: number;
  /** Postings the sweep found decided already (their markers removed, their records passed over). */
  readonly decided: number;
}

/**
 * The outbox sweep (every minute, shared/schedules.ts), so a posting stored by the API but never
 * queued (a crash between the two, a failed SendMessage) is applied without its client retrying:
 * every posting accepted since the last sweep and until `olderThanSeconds` ago (the audit records
 * of acceptance, accepted-postings.ts) that is not decided is sent again; every replay's outbox
 * marker older than that is enqueued (and removed).
 */
export async function sweepUnqueued(now: Date, olderThanSeconds = SWEEP_AFTER_SECONDS, since?: string): Promise<SweepReport> {
  const before = new Date(now.getTime() - olderThanSeconds * 1000).toISOString();
  const accepted = await sweepAccepted(now, before, since);
  const markers = await sweepMarkers(before);
  return {
    partitions: OUTBOX_PARTITIONS,
    accepted: accepted.read,
    enqueued: accepted.enqueued + markers.enqueued,
    decided: accepted.decided + markers.decided,
  };
}

/**
 * The accepted postings since the cursor (or since `since`, an operator's choice: after restoring a
 * table whose queue was lost, the recovery point) — the undecided ones sent again; then the cursor
 * moves to `before`.
 */
async function sweepAccepted(
  now: Date,
  before: string,
  since: string | undefined,
): Promise<{ read: number; enqueued: number; decided: number }> {
  const from = since ?? (await readSweptTo()) ?? new Date(now.getTime() - FIRST_SWEEP_HOURS * 3600 * 1000).toISOString();
  if (from >= before) return { read: 0, enqueued: 0, decided: 0 };
  let read = 0;
  let enqueued = 0;
  let decided = 0;
  const governments = [...codes];
  const worker = async () => {
    for (let gov = governments.shift(); gov !== undefined; gov = governments.shift()) {
      const ids = await acceptedBetween(gov, from, before);
      if (ids.length === 0) continue;
      read += ids.length;
      const done = await decidedAmong(gov, ids);
      decided += done.size;
      for (const postingId of ids.filter((id) => !done.has(id))) {
        const stored = await readPostingRequest(gov, postingId);
        if (!stored) continue;
        await sendPosting(stored.message);
        enqueued += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: GOVERNMENTS_AT_ONCE }, worker));
  // Only once every government was swept: a sweep that failed half-way is repeated from the same point.
  await advanceSweptTo(before);
  return { read, enqueued, decided };
}

/** Replays' outbox markers older than `before`. */
async function sweepMarkers(before: string): Promise<{ enqueued: number; decided: number }> {
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
  return { enqueued, decided };
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
