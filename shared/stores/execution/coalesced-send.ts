import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { sqsClient } from '#shared/clients/sqs.ts';

/**
 * SendMessage, coalesced across the requests a process serves at the same time (issue #21: one
 * SDK request per accepted posting was a quarter of the accept path's SDK work). The messages
 * sent during one turn of the event loop go out once its I/O callbacks have run (setImmediate),
 * per queue, in SendMessageBatch calls of at most 10 entries and BATCH_BYTES, one after the other.
 * SQS answers each entry apart, so each caller learns its own message's fate: a failed entry fails
 * only its caller; when a whole call fails, its messages are sent again one by one (the queue
 * deduplicates a message that did arrive), each failing only its own caller. Entries keep the
 * order they were sent in (FIFO queues order a batch's entries as if sent one by one, and a
 * queue's calls go one after the other). In a Lambda function, which serves one request at a
 * time, a message waits one turn of the loop and goes alone.
 */
export type Entry = Omit<SendMessageBatchRequestEntry, 'Id'>;

interface Waiter {
  readonly entry: Entry;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** SendMessageBatch's limits: 10 entries, and a total payload (256 KiB) kept clear of with room for attributes. */
const ENTRIES_PER_CALL = 10;
const BATCH_BYTES = 200 * 1024;

const waiting = new Map<string, Waiter[]>();

export function coalescedSend(queueUrl: string, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    if (waiting.size === 0) setImmediate(flush);
    const queue = waiting.get(queueUrl) ?? [];
    queue.push({ entry, bytes: Buffer.byteLength(entry.MessageBody ?? ''), resolve, reject });
    waiting.set(queueUrl, queue);
  });
}

function flush(): void {
  const queues = [...waiting];
  waiting.clear();
  for (const [queueUrl, waiters] of queues) void sendInOrder(queueUrl, callsOf(waiters));
}

/** One queue's calls one after the other, so entries sent in one turn reach the queue in the order they were sent. */
async function sendInOrder(queueUrl: string, calls: readonly Waiter[][]): Promise<void> {
  for (const call of calls) await send(queueUrl, call);
}

function callsOf(waiters: readonly Waiter[]): Waiter[][] {
  const calls: Waiter[][] = [];
  let call: Waiter[] = [];
  let bytes = 0;
  for (const waiter of waiters) {
    if (call.length === ENTRIES_PER_CALL || (call.length > 0 && bytes + waiter.bytes > BATCH_BYTES)) {
      calls.push(call);
      call = [];
      bytes = 0;
    }
    call.push(waiter);
    bytes += waiter.bytes;
  }
  if (call.length > 0) calls.push(call);
  return calls;
}

async function send(queueUrl: string, call: readonly Waiter[]): Promise<void> {
  try {
    const result = await sqsClient().send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: call.map(({ entry }, n) => ({ ...entry, Id: String(n) })) }),
    );
    const failed = new Map((result.Failed ?? []).map((failure) => [failure.Id, failure]));
    for (const [n, waiter] of call.entries()) {
      const failure = failed.get(String(n));
      if (!failure) waiter.resolve();
      else
        waiter.reject(
          Object.assign(new Error(failure.Message ?? `message not sent: ${failure.Code}`), { name: failure.Code ?? 'SendFailed' }),
        );
    }
  } catch (error) {
    // A whole call refused (one entry can make the batch invalid): each message is sent alone, so a
    // caller's bad message never fails another caller's.
    if (call.length === 1) call[0]?.reject(error);
    else for (const waiter of call) await send(queueUrl, [waiter]);
  }
}
