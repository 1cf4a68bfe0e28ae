import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl } from '#shared/config/env.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { forEachConcurrently } from './concurrency.ts';
import { FISCAL_YEAR, POSTING_DATE } from './execution-fixture.ts';

/**
 * A government's flood of commitments, put on its postings shard as the API puts them (one message
 * per posting, group = budget line, deduplicated on the posting id), ten to a batch, eight batches
 * at a time: the whole backlog is queued within a second or two, as an import or a bulk producer
 * would queue it, so the flood is a backlog the consumer must work through rather than a rate the
 * API's accept speed limits. Each posting commits 1 won on one of `lineIds`, round-robin.
 */
export async function floodPostings(gov: string, lineIds: readonly string[], count: number, label: string): Promise<void> {
  await queueCommitments(
    lineIds.map((lineId) => ({ gov, lineId })),
    count,
    label,
    1,
  );
}

/**
 * `count` commitments of `amount` won on `targets` (round-robin, as the HTTP clients cycle through
 * their calls), queued straight onto each government's postings shard with the message the API
 * sends once it has stored the request (shared/stores/execution/postings-queue.ts: the posting as
 * JSON, group = budget line, deduplicated on the posting id). The consumer reads only the message,
 * never the stored request, so it applies these as it applies accepted postings.
 */
export async function queueCommitments(
  targets: readonly { readonly gov: string; readonly lineId: string }[],
  count: number,
  label: string,
  amount: number,
): Promise<void> {
  const receivedAt = new Date().toISOString();
  const messages = Array.from({ length: count }, (_, n): PostingMessage => {
    const { gov, lineId } = targets[n % targets.length] as { gov: string; lineId: string };
    const postingId = `${label}-${n.toString(36).padStart(5, '0')}`;
    return {
      postingId,
      gov,
      year: FISCAL_YEAR,
      lineId,
      command: { kind: 'commit', lineId, amount, counterparty: 'bench-flood', contractRef: `FLOOD-${n}`, date: POSTING_DATE },
      actor: {
        sub: `bench-flood-${gov}`,
        role: 'finance_officer',
        requestId: `req-${postingId}`,
        sourceIp: '127.0.0.1',
        bodySha256: '0'.repeat(64),
        receivedAt,
      },
    };
  });
  const byQueue = new Map<string, PostingMessage[]>();
  for (const message of messages) {
    const url = queueUrl('postings', message.gov);
    const queued = byQueue.get(url);
    if (queued) queued.push(message);
    else byQueue.set(url, [message]);
  }
  const batches = [...byQueue].flatMap(([url, queued]) =>
    Array.from({ length: Math.ceil(queued.length / 10) }, (_, i) => ({ url, batch: queued.slice(i * 10, i * 10 + 10) })),
  );
  await forEachConcurrently(batches, 8, async ({ url, batch }) => {
    const { Failed = [] } = await sqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: batch.map((message, n) => ({
          Id: String(n),
          MessageBody: JSON.stringify(message),
          MessageGroupId: messageGroupId(message),
          MessageDeduplicationId: message.postingId,
        })),
      }),
    );
    if (Failed.length > 0) throw new Error(`flood enqueue failed: ${JSON.stringify(Failed).slice(0, 300)}`);
  });
}
