/**
 * FIFO receive batching for fauxqs (see README.md in this folder).
 *
 * fauxqs's `SqsQueue.prototype.dequeueFifo` hands out at most one message per message group per
 * ReceiveMessage. SQS returns up to MaxNumberOfMessages messages of one group, in order, then fills
 * the rest from the next groups, and keeps a group locked while any of its messages is in flight.
 *
 * The patch wraps the original instead of copying it: one ReceiveMessage calls the original
 * repeatedly for one message at a time, and around each call hides the locks that THIS receive
 * put on groups (so the original may take the next message of that group), then restores them.
 * Everything else (receive counts, DLQ moves at maxReceiveCount, visibility deadlines, persistence
 * and spy calls) stays the original's own code. The original runs processTimers() first; it runs
 * only on the first call of a receive, as in a single original call (otherwise a message received
 * with VisibilityTimeout 0 would expire and be handed out twice in one response).
 *
 * Several in-flight messages of one group exposed a second fauxqs assumption: messages coming back
 * (visibility expiry, ChangeMessageVisibility 0) are unshifted one by one, which reverses them.
 * After those two methods, the group's leading run of already-received messages is put back in
 * SequenceNumber order, which is the order of a message group.
 */
import type { DeadLetterResolver, InflightEntry, ReceivedMessage, SqsQueueInternals, SqsStoreModule, StoredMessage } from './sqs-store.ts';

const MAX_MESSAGES_PER_RECEIVE = 10;
const INSTALLED = Symbol.for('hojo.fauxqs.fifoReceiveBatching');

/** Queues inside a batched receive: their processTimers() already ran for this receive. */
const timersSettledForReceive = new WeakSet<SqsQueueInternals>();

/** Patches the SqsQueue prototype once (later calls are no-ops). */
export function installFifoReceiveBatching({ SqsQueue }: SqsStoreModule): void {
  const proto = SqsQueue.prototype as SqsQueueInternals & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const dequeueOne = proto.dequeueFifo;
  const processTimers = proto.processTimers;
  const changeVisibility = proto.changeVisibility;

  proto.dequeueFifo = function dequeueFifo(this: SqsQueueInternals, maxCount, visibilityTimeoutOverride, dlqResolver) {
    return dequeueFifoBatch(this, Math.min(maxCount, MAX_MESSAGES_PER_RECEIVE), (queue) =>
      dequeueOne.call(queue, 1, visibilityTimeoutOverride, dlqResolver as DeadLetterResolver),
    );
  };

  proto.processTimers = function (this: SqsQueueInternals) {
    if (timersSettledForReceive.has(this)) return;
    if (!this.isFifo()) return processTimers.call(this);
    const inflightBefore: InflightEntry[] = [...this.inflightMessages.values()];
    processTimers.call(this);
    const returned = inflightBefore.filter((entry) => !this.inflightMessages.has(entry.receiptHandle));
    for (const groupId of new Set(returned.map((entry) => entry.message.messageGroupId))) {
      if (groupId !== undefined) restoreGroupOrder(this, groupId);
    }
  };

  proto.changeVisibility = function (this: SqsQueueInternals, receiptHandle, timeoutSeconds) {
    const entry = this.inflightMessages.get(receiptHandle);
    changeVisibility.call(this, receiptHandle, timeoutSeconds);
    const groupId = entry?.message.messageGroupId;
    if (timeoutSeconds === 0 && groupId !== undefined && this.isFifo()) restoreGroupOrder(this, groupId);
  };

  Object.defineProperty(proto, INSTALLED, { value: true });
}

function dequeueFifoBatch(
  queue: SqsQueueInternals,
  limit: number,
  dequeueOne: (queue: SqsQueueInternals) => ReceivedMessage[],
): ReceivedMessage[] {
  const received = dequeueOne(queue); // runs processTimers()
  if (received.length === 0) return received;
  /** Messages in flight per group taken by this receive: each holds one unit of the group's lock. */
  const takenPerGroup = new Map<string, number>();
  const noteTaken = (message: ReceivedMessage) => {
    const groupId = queue.inflightMessages.get(message.ReceiptHandle)?.message.messageGroupId;
    if (groupId !== undefined) takenPerGroup.set(groupId, (takenPerGroup.get(groupId) ?? 0) + 1);
  };
  received.forEach(noteTaken);
  timersSettledForReceive.add(queue);
  try {
    while (received.length < limit) {
      const next = withOwnLocksReleased(queue, takenPerGroup, () => dequeueOne(queue));
      if (next.length === 0) break;
      next.forEach(noteTaken);
      received.push(...next);
    }
  } finally {
    timersSettledForReceive.delete(queue);
  }
  return received;
}

/**
 * The groups this receive locked were unlocked before it (the original skips locked groups), so
 * hiding their locks exposes exactly them again; the lock units are added back afterwards.
 */
function withOwnLocksReleased<T>(queue: SqsQueueInternals, takenPerGroup: ReadonlyMap<string, number>, run: () => T): T {
  const locks = queue.fifoLockedGroups;
  for (const groupId of takenPerGroup.keys()) locks.delete(groupId);
  try {
    return run();
  } finally {
    for (const [groupId, taken] of takenPerGroup) locks.set(groupId, (locks.get(groupId) ?? 0) + taken);
  }
}

/**
 * Messages that come back to a group (never received ones are only ever appended) sit at its front;
 * the leading run of messages received before is sorted by SequenceNumber. Left unchanged when a
 * message of the run has none (fauxqs assigns one to every message sent to a FIFO queue).
 */
function restoreGroupOrder(queue: SqsQueueInternals, groupId: string): void {
  const group = queue.fifoMessages.get(groupId);
  if (!group) return;
  let runLength = 0;
  while (runLength < group.length && (group[runLength]?.approximateReceiveCount ?? 0) > 0) runLength += 1;
  const run = group.slice(0, runLength);
  if (run.length < 2 || run.some((message) => message.sequenceNumber === undefined)) return;
  run.sort(bySequenceNumber);
  group.splice(0, runLength, ...run);
}

function bySequenceNumber(a: StoredMessage, b: StoredMessage): number {
  const x = BigInt(a.sequenceNumber ?? 0);
  const y = BigInt(b.sequenceNumber ?? 0);
  return x < y ? -1 : x > y ? 1 : 0;
}
