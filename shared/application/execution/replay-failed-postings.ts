import { replayRejectedPosting } from '#shared/application/execution/replay-rejected-posting.ts';
import { listFailedPostings } from '#shared/stores/execution/failed-postings.ts';
import { readPostingRequest } from '#shared/stores/execution/posting-requests.ts';

export interface ReplayReport {
  /** Postings put back on the queue, to be decided afresh. */
  readonly replayed: readonly string[];
  /** Named postings that are not (or no longer) rejected as `posting-failed`. */
  readonly skipped: readonly string[];
}

/**
 * The operators' replay of postings rejected as `posting-failed` (`npm run redrive -- postings
 * --failed <gov> [--posting <id>]`), once the cause is repaired: each is reopened (its rejection
 * removed, audited) and enqueued again, at the end of its message group, with a fresh
 * deduplication id (replay-rejected-posting.ts). Without ids, every failed posting of the government.
 */
export async function replayFailedPostings(gov: string, operator: string, postingIds?: readonly string[]): Promise<ReplayReport> {
  const ids = postingIds ?? (await listFailedPostings(gov));
  const replayed: string[] = [];
  const skipped: string[] = [];
  for (const postingId of ids) {
    const stored = await readPostingRequest(gov, postingId);
    const notReplayed = stored ? await replayRejectedPosting(stored.message, 'posting-failed', operator) : 'not-so-rejected';
    (notReplayed ? skipped : replayed).push(postingId);
  }
  return { replayed, skipped };
}
