import { randomUUID } from 'node:crypto';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { reopenRejectedPosting } from '#shared/stores/execution/failed-postings.ts';
import { enqueuePosting } from '#shared/stores/execution/postings-queue.ts';

const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Why a replay did not happen: the posting is no longer rejected with that rule, or a 성립전 line it counts on was reversed. */
export type NotReplayed = 'not-so-rejected' | 'line-removed';

/**
 * An operator's replay of one posting rejected with `rule` (failed-postings.ts reopenRejectedPosting):
 * reopened (its rejection removed, audited `posting.{kind}.replayed` by the operator) and enqueued
 * again, at the end of its message group, with a fresh deduplication id (the queue may still
 * remember the original one and would drop the message). Exactly once: the reopening is conditional
 * on the rejection, and the consumer applies a posting once by its id.
 */
export async function replayRejectedPosting(message: PostingMessage, rule: string, operator: string): Promise<NotReplayed | undefined> {
  const deduplicationId = `${message.postingId}-replay-${Date.now().toString(36)}`;
  const reopened = await reopenRejectedPosting(message, rule, deduplicationId, {
    gov: message.gov,
    operation: `posting.${message.command.kind}.replayed`,
    target: `posting ${message.postingId}`,
    subject: operator,
    role: 'system',
    at: new Date().toISOString(),
    requestId: randomUUID(),
    sourceIp: 'internal',
    bodySha256: EMPTY_BODY_SHA256,
  });
  if (!reopened.ok) return reopened.failed.has('pending') && !reopened.failed.has('result') ? 'line-removed' : 'not-so-rejected';
  await enqueuePosting(message, deduplicationId);
  return undefined;
}
