import { SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl } from '#shared/config/env.ts';
import type { ClosingMessage } from '#shared/schemas/settlement.ts';

/** One closing per message, so that 243 governments are 243 short runs, not one long one. */
export async function enqueueClosing(message: ClosingMessage): Promise<string> {
  const sent = await sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl('settlement'), MessageBody: JSON.stringify(message) }));
  return sent.MessageId ?? '';
}

/** Sends in batches of ten, resending the entries SQS reports as failed (a few times, then throws). */
export async function enqueueClosings(messages: readonly ClosingMessage[]): Promise<number> {
  for (let i = 0; i < messages.length; i += 10) {
    let entries = messages.slice(i, i + 10).map((message, n) => ({ Id: String(n), MessageBody: JSON.stringify(message) }));
    for (let attempt = 1; entries.length > 0; attempt++) {
      const result = await sqsClient().send(new SendMessageBatchCommand({ QueueUrl: queueUrl('settlement'), Entries: entries }));
      const failed = new Set((result.Failed ?? []).map((f) => f.Id));
      if (failed.size > 0 && attempt >= 5) throw new Error(`${failed.size} closing messages could not be queued`);
      entries = entries.filter((entry) => failed.has(entry.Id));
    }
  }
  return messages.length;
}
