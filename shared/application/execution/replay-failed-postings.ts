import { randomUUID } from 'node:crypto';
import { listFailedPostings, reopenFailedPosting } from '#shared/stores/execution/failed-postings.ts';
import { readPostingRequest } from '#shared/stores/execution/posting-requests.ts';
import { enqueuePosting } from '#shared/stores/execution/postings-queue.ts';

export interface ReplayReport {
  /** Postings put back on the queue, to be decided afresh. */
  readonly replayed: readonly string[];
  /** Named postings that are not (or no longer) rejected as `posting-failed`. */
  readonly skipped: readonly string[];
}

const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * The operators' replay of postings rejected as `posting-failed` (`npm run redrive -- postings
 * --failed <gov> [--posting <id>]`), once the cause is repaired: each is reopened (its rejection
 * removed, audited) and enqueued again, at the end of its message group, with a fresh
 * deduplication id. Without ids, every failed posting of the government.
 */
export async function replayFailedPostings(gov: string, operator: string, postingIds?: readonly string[]): Promise<ReplayReport> {
  const ids = postingIds ?? (await listFailedPostings(gov));
  const replayed: string[] = [];
  const skipped: string[] = [];
  for (const postingId of ids) {
    const stored = await readPostingRequest(gov, postingId);
    if (!stored) {
      skipped.push(postingId);
      continue;
    }
    const at = new Date().toISOString();
    const deduplicationId = `${postingId}-replay-${Date.now().toString(36)}`;
    const reopened = await reopenFailedPosting(stored.message, deduplicationId, {
      gov,
      operation: `posting.${stored.kind}.replayed`,
      target: `posting ${postingId}`,
      subject: operator,
      role: 'system',
      at,
      requestId: randomUUID(),
      sourceIp: 'internal',
      bodySha256: EMPTY_BODY_SHA256,
    });
    if (!reopened.ok) {
      skipped.push(postingId);
      continue;
    }
    await enqueuePosting(stored.message, deduplicationId);
    replayed.push(postingId);
  }
  return { replayed, skipped };
}
