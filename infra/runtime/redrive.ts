import { createHash } from 'node:crypto';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { Message, MessageAttributeValue, SQSClient } from '@aws-sdk/client-sqs';

export interface RedriveResult {
  readonly deadLetterQueueUrl: string;
  readonly moved: number;
  /** The bodies of the messages moved, in the order they were moved (the postings to replay behind: `--in-order`). */
  readonly bodies: readonly string[];
}

/**
 * Moves every message of a queue's dead-letter queue back to the queue, one at a time: send, then
 * delete, so a crash in between leaves a copy in the DLQ rather than losing it. FIFO messages keep
 * their message group (and so their order within it); their deduplication id is derived from the
 * DLQ message id: stable if the redrive itself is retried, yet distinct from the original id, which
 * the queue may still remember for five minutes and would silently drop. Replays are safe because
 * consumers apply a message once by its business key (postings by posting id).
 */
export async function redrive(sqs: SQSClient, sourceQueueUrl: string, options: { readonly max?: number } = {}): Promise<RedriveResult> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: sourceQueueUrl, AttributeNames: ['RedrivePolicy', 'FifoQueue'] }),
  );
  if (!Attributes.RedrivePolicy) throw new Error(`queue ${sourceQueueUrl} has no redrive policy, so no dead-letter queue`);
  const { deadLetterTargetArn } = JSON.parse(Attributes.RedrivePolicy) as { deadLetterTargetArn: string };
  const deadLetterQueueUrl = await queueUrlOfArn(sqs, deadLetterTargetArn);
  const fifo = Attributes.FifoQueue === 'true';
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let moved = 0;
  const bodies: string[] = [];
  while (moved < max) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetterQueueUrl,
        MaxNumberOfMessages: Math.min(10, max - moved),
        WaitTimeSeconds: 1,
        VisibilityTimeout: 60,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    for (const message of Messages) {
      await sqs.send(new SendMessageCommand({ QueueUrl: sourceQueueUrl, ...copyOf(message, fifo) }));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: deadLetterQueueUrl, ReceiptHandle: message.ReceiptHandle }));
      moved += 1;
      bodies.push(message.Body ?? '');
    }
  }
  return { deadLetterQueueUrl, moved, bodies };
}

function copyOf(message: Message, fifo: boolean) {
  const attributes = message.MessageAttributes as Record<string, MessageAttributeValue> | undefined;
  return {
    MessageBody: message.Body ?? '',
    ...(attributes && Object.keys(attributes).length > 0 ? { MessageAttributes: attributes } : {}),
    ...(fifo
      ? {
          MessageGroupId: message.Attributes?.MessageGroupId,
          MessageDeduplicationId: createHash('sha256').update(`redrive:${message.MessageId}`).digest('hex'),
        }
      : {}),
  };
}

async function queueUrlOfArn(sqs: SQSClient, arn: string): Promise<string> {
  const [, , , , account, name] = arn.split(':');
  if (!name) throw new Error(`${arn} is not a queue ARN`);
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name, ...(account ? { QueueOwnerAWSAccountId: account } : {}) }));
  if (!QueueUrl) throw new Error(`dead-letter queue ${name} not found`);
  return QueueUrl;
}
