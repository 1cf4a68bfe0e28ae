import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { queueUrl, tableName } from '#shared/config/env.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { coalescedSend } from '#shared/stores/execution/coalesced-send.ts';
import { outboxKey, outboxPartition } from '#shared/stores/execution/posting-keys.ts';

/**
 * The outbox marker of a replayed posting. Storing a request and enqueueing it cannot be one
 * atomic step (DynamoDB and SQS). An accepted posting needs no marker: the audit record of its
 * acceptance, written in the same transaction, is its outbox (accepted-postings.ts; issue #21: the
 * marker and its delete were 3 of the 7 write units of accepting). An operator's replay of a
 * `posting-failed` posting writes a small marker (posting-keys.ts, `OUTBOX#{nn}`) with the fresh
 * `deduplicationId` it is sent with, deleted once the message is on the queue; a crash in between
 * leaves it for the sweeper. Works the same on the embedded stack and on AWS (no streams).
 */
export function outboxPut(table: string, gov: string, receivedAt: string, postingId: string, deduplicationId?: string) {
  return {
    Put: {
      TableName: table,
      Item: {
        ...outboxKey(gov, receivedAt, postingId),
        entity: 'posting-outbox',
        gov,
        postingId,
        ...(deduplicationId ? { deduplicationId } : {}),
      },
    },
  };
}

/**
 * Puts a posting on the FIFO postings queue, in its line's message group. The queue deduplicates on
 * the posting id for five minutes, the consumer on the posting id for ever, so sending again is
 * safe. A replay passes its own deduplication id (the original one may still be remembered by the
 * queue, which would drop the message silently). Sent in a SendMessageBatch with the postings
 * accepted at the same time (coalesced-send.ts); resolves once this message is on the queue.
 */
export async function sendPosting(message: PostingMessage, deduplicationId = message.postingId): Promise<void> {
  await coalescedSend(queueUrl('postings', message.gov), {
    MessageBody: JSON.stringify(message),
    MessageGroupId: messageGroupId(message),
    MessageDeduplicationId: deduplicationId,
  });
}

/** Sends a posting that has an outbox marker (a replay: see outboxPut), then deletes the marker. */
export async function enqueuePosting(message: PostingMessage, deduplicationId = message.postingId): Promise<void> {
  await sendPosting(message, deduplicationId);
  await dynamoClient().send(
    new DeleteCommand({ TableName: tableName(), Key: outboxKey(message.gov, message.actor.receivedAt, message.postingId) }),
  );
}

/** An outbox marker left behind: the posting it names and the deduplication id to enqueue it with. */
export interface UnqueuedPosting {
  readonly gov: string;
  readonly postingId: string;
  readonly deduplicationId: string | undefined;
  readonly key: { readonly pk: string; readonly sk: string };
}

/** Markers of one outbox partition written before `before` (ISO time): at most `limit`, oldest first. */
export async function readUnqueued(partition: number, before: string, limit: number): Promise<UnqueuedPosting[]> {
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk < :before',
      ExpressionAttributeValues: { ':pk': outboxPartition(partition), ':before': before },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return Items.map((item) => ({
    gov: String(item.gov),
    postingId: String(item.postingId),
    deduplicationId: item.deduplicationId === undefined ? undefined : String(item.deduplicationId),
    key: { pk: String(item.pk), sk: String(item.sk) },
  }));
}

/** Deletes a marker whose posting needs no enqueueing (decided already, or its request is gone). */
export async function deleteUnqueued(marker: UnqueuedPosting): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: marker.key }));
}
