import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { expect, it } from 'vitest';
import { queueCommitments } from '../../bench/harness/posting-flood.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl } from '#shared/config/env.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { postingMessage } from '#shared/schemas/execution.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

/** Everything on the postings queue, received once (FIFO: a group is handed out while none of it is in flight). */
async function receiveAll(expected: number) {
  const received = [];
  for (let attempt = 0; attempt < 20 && received.length < expected; attempt += 1) {
    const { Messages = [] } = await sqsClient().send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl('postings', '11110'),
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId'],
      }),
    );
    received.push(...Messages);
  }
  return received;
}

it('queues commitments as the API sends them (section 1 fills its drains so): valid posting messages, a group per line, deduplicated on the posting id', async () => {
  const targets = [
    { gov: '11110', lineId: 'E.GEN.P0.U0.D0.201-01' },
    { gov: '11140', lineId: 'E.GEN.P0.U0.D1.201-01' },
  ];
  await queueCommitments(targets, 5, 'qc', 1_000);
  const received = await receiveAll(5);
  expect(received).toHaveLength(5);
  const messages = received.map((m) => {
    const parsed = postingMessage.safeParse(JSON.parse(m.Body ?? ''));
    expect(parsed.success).toBe(true);
    const message = parsed.data as PostingMessage;
    expect(m.Attributes?.MessageGroupId).toBe(messageGroupId(message));
    expect(m.Attributes?.MessageDeduplicationId).toBe(message.postingId);
    return message;
  });
  // Round-robin over the targets, as the HTTP clients cycle through their calls.
  expect(messages.map((m) => `${m.gov} ${m.lineId} ${m.command.kind} ${'amount' in m.command ? m.command.amount : ''}`).sort()).toEqual([
    ...Array(3).fill('11110 E.GEN.P0.U0.D0.201-01 commit 1000'),
    ...Array(2).fill('11140 E.GEN.P0.U0.D1.201-01 commit 1000'),
  ]);
});
