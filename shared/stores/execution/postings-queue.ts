import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl } from '#shared/config/env.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';

/**
 * Puts a posting on the FIFO postings queue, in its line's message group. The queue deduplicates
 * on the posting id for five minutes, the consumer on the posting id for ever, so enqueueing again
 * is safe.
 */
export async function enqueuePosting(message: PostingMessage): Promise<void> {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl('postings', message.gov),
      MessageBody: JSON.stringify(message),
      MessageGroupId: messageGroupId(message),
      MessageDeduplicationId: message.postingId,
    }),
  );
}
