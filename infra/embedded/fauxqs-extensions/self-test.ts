/**
 * Startup check of the patched fauxqs on a throw-away FIFO queue object (no server, no
 * persistence): if a fauxqs upgrade changes the internals the patch relies on, the engines refuse
 * to start instead of silently falling back to one message per group.
 */
import type { ReceivedMessage, SqsStoreModule } from './sqs-store.ts';

export function checkFifoReceiveBatching({ SqsQueue, SqsStore }: SqsStoreModule, version: string): void {
  const arn = 'arn:aws:sqs:local:000000000000:self-test.fifo';
  const queue = new SqsQueue('self-test.fifo', 'http://local/000000000000/self-test.fifo', arn, { FifoQueue: 'true' });
  const send = (body: string, groupId: string) => {
    const message = SqsStore.createMessage(body, {}, undefined, groupId, body);
    message.sequenceNumber = queue.nextSequenceNumber();
    queue.enqueue(message);
  };
  for (const body of ['a1', 'a2', 'a3']) send(body, 'a');
  send('b1', 'b');
  const bodies = (messages: ReceivedMessage[]) => messages.map((m) => m.Body).join(',');
  const ready = (groupId: string) => (queue.fifoMessages.get(groupId) ?? []).map((m) => m.body).join(',');

  const fail = (what: string, actual: unknown) => {
    throw new Error(
      `fauxqs ${version}: FIFO receive batching self-test failed (${what}: got ${JSON.stringify(actual)}); ` +
        'the extension in infra/embedded/fauxqs-extensions must be revisited for this version',
    );
  };

  const batch = queue.dequeue(10, 30);
  if (bodies(batch) !== 'a1,a2,a3,b1') fail('one receive takes a group in order, then the next', bodies(batch));
  if (queue.fifoLockedGroups.get('a') !== 3) fail('group a locked by its 3 in-flight messages', queue.fifoLockedGroups.get('a'));
  const again = queue.dequeue(10, 30);
  if (again.length !== 0) fail('locked groups give nothing', bodies(again));
  for (const message of batch.slice(0, 3)) queue.changeVisibility(message.ReceiptHandle, 0);
  if (ready('a') !== 'a1,a2,a3') fail('messages made visible again keep their order', ready('a'));
  if (queue.fifoLockedGroups.has('a')) fail('group a unlocked once none is in flight', queue.fifoLockedGroups.get('a'));
  const redelivered = queue.dequeue(2, 30);
  if (bodies(redelivered) !== 'a1,a2') fail('redelivery in order', bodies(redelivered));
}
