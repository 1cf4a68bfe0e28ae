/**
 * FIFO receive batching of the embedded SQS engine (fauxqs + infra/embedded/fauxqs-extensions),
 * through the AWS SDK against engines started by startEngines(): batches of one group in order,
 * group locking, redelivery order after a visibility timeout or ChangeMessageVisibility 0, DLQ
 * moves, persistence across a restart; and the startup checks that refuse a changed fauxqs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engines, startEngines } from '#infra/embedded/engines.ts';
import { installFauxqsExtensions } from '#infra/embedded/fauxqs-extensions/index.ts';
import { checkFifoReceiveBatching } from '#infra/embedded/fauxqs-extensions/self-test.ts';
import { assertSqsStoreShape, loadSqsStore, type SqsStoreModule } from '#infra/embedded/fauxqs-extensions/sqs-store.ts';

let engines: Engines;
let sqs: SQSClient;
let queueCount = 0;

function sqsClient(endpoint: string): SQSClient {
  return new SQSClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    useQueueUrlAsEndpoint: false,
    maxAttempts: 1,
  });
}

beforeAll(async () => {
  engines = await startEngines();
  sqs = sqsClient(engines.endpoints.sqs);
});

afterAll(async () => {
  sqs?.destroy();
  await engines?.stop();
});

async function fifoQueue(attributes: Record<string, string> = {}, client = sqs): Promise<string> {
  const { QueueUrl } = await client.send(
    new CreateQueueCommand({
      QueueName: `fifo-${++queueCount}.fifo`,
      Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true', ...attributes },
    }),
  );
  return QueueUrl!;
}

async function queueArn(url: string): Promise<string> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return Attributes!.QueueArn!;
}

/** Sends in the given order; `a3` goes to group `a`. */
async function send(url: string, bodies: string[], client = sqs): Promise<void> {
  for (const body of bodies)
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: body.replace(/\d+$/, '') }));
}

async function receive(url: string, input: Partial<ReceiveMessageCommandInput> = {}, client = sqs): Promise<Message[]> {
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['All'],
      ...input,
    }),
  );
  return Messages;
}

/** Long-polls until a receive returns something (the engine answers as soon as a message is visible). */
async function receiveWhenVisible(url: string, timeoutMs = 10_000): Promise<Message[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const messages = await receive(url, { WaitTimeSeconds: 2 });
    if (messages.length > 0) return messages;
  }
  throw new Error(`nothing became visible on ${url} within ${timeoutMs} ms`);
}

async function remove(url: string, messages: Message[], client = sqs): Promise<void> {
  const { Failed = [] } = await client.send(
    new DeleteMessageBatchCommand({ QueueUrl: url, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }),
  );
  expect(Failed).toEqual([]);
}

async function makeVisible(url: string, messages: Message[], client = sqs): Promise<void> {
  for (const m of messages)
    await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }));
}

const bodies = (messages: Message[]) => messages.map((m) => m.Body);
const receiveCounts = (messages: Message[]) => messages.map((m) => Number(m.Attributes?.ApproximateReceiveCount));
const numbered = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

describe('one ReceiveMessage takes several messages of a group', () => {
  it('returns all 10 messages of one group, in order, and locks the group', async () => {
    const url = await fifoQueue();
    await send(url, numbered('a', 1, 10));

    const batch = await receive(url);

    expect(bodies(batch)).toEqual(numbered('a', 1, 10));
    expect(new Set(batch.map((m) => m.ReceiptHandle)).size).toBe(10);
    expect(receiveCounts(batch)).toEqual(Array(10).fill(1));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '10' });
  });

  it('respects MaxNumberOfMessages', async () => {
    const url = await fifoQueue();
    await send(url, numbered('a', 1, 5));

    expect(bodies(await receive(url, { MaxNumberOfMessages: 3 }))).toEqual(['a1', 'a2', 'a3']);
    expect(bodies(await receive(url, { MaxNumberOfMessages: 3 }))).toEqual([]);
  });

  it('keeps the order within each group when groups are interleaved, taking as many of one group as possible first', async () => {
    const url = await fifoQueue();
    await send(url, ['a1', 'b1', 'a2', 'b2', 'a3', 'c1', 'b3', 'a4']);

    const batch = await receive(url);

    // SQS "first attempts to return as many messages with the same message group ID as possible".
    expect(bodies(batch)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'c1']);
  });

  it('fills a receive from the next groups when the first has fewer than asked', async () => {
    const url = await fifoQueue();
    await send(url, [...numbered('a', 1, 7), ...numbered('b', 1, 7)]);

    const first = await receive(url);
    const second = await receive(url);

    expect(bodies(first)).toEqual([...numbered('a', 1, 7), ...numbered('b', 1, 3)]);
    expect(bodies(second)).toEqual([]); // both groups have messages in flight
  });
});

describe('group locking', () => {
  it('gives none of a group while any of its messages is in flight, and the rest once all are deleted', async () => {
    const url = await fifoQueue();
    await send(url, [...numbered('a', 1, 12), 'b1']);

    const first = await receive(url);
    expect(bodies(first)).toEqual(numbered('a', 1, 10));
    expect(bodies(await receive(url))).toEqual(['b1']);

    await remove(url, first.slice(0, 9));
    expect(bodies(await receive(url))).toEqual([]); // a10 still in flight

    await remove(url, first.slice(9));
    const rest = await receive(url);
    expect(bodies(rest)).toEqual(['a11', 'a12']);
    expect(receiveCounts(rest)).toEqual([1, 1]);
  });

  it('unlocks a group when its messages become visible again, and redelivers them in order', async () => {
    const url = await fifoQueue();
    await send(url, numbered('a', 1, 6));
    const batch = await receive(url, { MaxNumberOfMessages: 4 });

    await makeVisible(url, batch.slice(2, 3)); // a3 back while a1, a2, a4 are in flight
    expect(bodies(await receive(url))).toEqual([]);
    await remove(url, batch.slice(0, 2));
    await makeVisible(url, batch.slice(3)); // a4 back: nothing of group a in flight now

    const again = await receive(url);
    expect(bodies(again)).toEqual(['a3', 'a4', 'a5', 'a6']);
    expect(receiveCounts(again)).toEqual([2, 2, 1, 1]);
  });

  it('puts a batch made visible again message by message back in its original order', async () => {
    const url = await fifoQueue();
    await send(url, numbered('a', 1, 5));
    const batch = await receive(url);

    await makeVisible(url, batch);

    expect(bodies(await receive(url))).toEqual(numbered('a', 1, 5));
  });

  it('redelivers a message that was not deleted after its visibility timeout, ahead of the later ones of its group', async () => {
    const url = await fifoQueue();
    await send(url, [...numbered('a', 1, 5), 'b1']);
    const batch = await receive(url, { MaxNumberOfMessages: 3, VisibilityTimeout: 1 });
    expect(bodies(batch)).toEqual(['a1', 'a2', 'a3']);
    await remove(url, batch.slice(0, 1)); // a2 and a3 "failed"

    expect(bodies(await receive(url))).toEqual(['b1']);
    const redelivered = await receiveWhenVisible(url);

    expect(bodies(redelivered)).toEqual(['a2', 'a3', 'a4', 'a5']);
    expect(receiveCounts(redelivered)).toEqual([2, 2, 1, 1]);
  });

  it('hands out each message once per receive even with VisibilityTimeout 0', async () => {
    const url = await fifoQueue();
    await send(url, numbered('a', 1, 4));

    const first = await receive(url, { VisibilityTimeout: 0 });
    const second = await receive(url, { VisibilityTimeout: 0 });

    expect(bodies(first)).toEqual(numbered('a', 1, 4));
    expect(bodies(second)).toEqual(numbered('a', 1, 4));
    expect(receiveCounts(second)).toEqual([2, 2, 2, 2]);
  });
});

describe('dead-letter queue', () => {
  it('moves messages received maxReceiveCount times to the DLQ, in order, and delivers the rest of the group', async () => {
    const dlq = await fifoQueue();
    const url = await fifoQueue({ RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await queueArn(dlq), maxReceiveCount: 2 }) });
    await send(url, numbered('a', 1, 3));

    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const batch = await receive(url, { MaxNumberOfMessages: 2 });
      expect(bodies(batch)).toEqual(['a1', 'a2']);
      expect(receiveCounts(batch)).toEqual([attempt, attempt]);
      await makeVisible(url, batch);
    }
    const third = await receive(url, { MaxNumberOfMessages: 2 });

    expect(bodies(third)).toEqual(['a3']);
    expect(bodies(await receive(dlq))).toEqual(['a1', 'a2']);
  });
});

describe('persistence', () => {
  it('keeps in-flight batches, group locks and order across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hojo-fauxqs-'));
    let persisted = await startEngines({ dataDir });
    let client = sqsClient(persisted.endpoints.sqs);
    try {
      const url = await fifoQueue({}, client);
      await send(url, numbered('a', 1, 5), client);
      const batch = await receive(url, { MaxNumberOfMessages: 3, VisibilityTimeout: 300 }, client);
      expect(bodies(batch)).toEqual(['a1', 'a2', 'a3']);
      await remove(url, batch.slice(0, 1), client);

      client.destroy();
      await persisted.stop();
      persisted = await startEngines({ dataDir });
      client = sqsClient(persisted.endpoints.sqs);

      expect(bodies(await receive(url, {}, client))).toEqual([]); // a2, a3 still in flight
      await makeVisible(url, batch.slice(1).reverse(), client);
      const after = await receive(url, {}, client);
      expect(bodies(after)).toEqual(['a2', 'a3', 'a4', 'a5']);
      expect(receiveCounts(after)).toEqual([2, 2, 1, 1]);
    } finally {
      client.destroy();
      await persisted.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('startup checks', () => {
  it('installs once (repeated installs are no-ops) and the patched store passes its self-test', async () => {
    await installFauxqsExtensions();
    await installFauxqsExtensions();
    const { module, version } = await loadSqsStore();

    expect(() => checkFifoReceiveBatching(module, version)).not.toThrow();
  });

  it('refuses a fauxqs whose store lacks a patched method', async () => {
    const { module, version } = await loadSqsStore();
    class WithoutDequeueFifo extends module.SqsQueue {}
    Object.defineProperty(WithoutDequeueFifo.prototype, 'dequeueFifo', { value: undefined });

    expect(() => assertSqsStoreShape({ ...module, SqsQueue: WithoutDequeueFifo }, version, 'sqsStore.js')).toThrow(
      /SqsQueue\.prototype\.dequeueFifo.*fauxqs-extensions/,
    );
  });

  it('refuses a fauxqs whose FIFO receive no longer batches a group', async () => {
    const { module, version } = await loadSqsStore();
    class OnePerGroup extends module.SqsQueue {}
    Object.defineProperty(OnePerGroup.prototype, 'dequeue', {
      value(this: InstanceType<SqsStoreModule['SqsQueue']>, maxCount: number, visibilityTimeout?: number) {
        return module.SqsQueue.prototype.dequeue.call(this, Math.min(maxCount, 1), visibilityTimeout);
      },
    });

    expect(() => checkFifoReceiveBatching({ ...module, SqsQueue: OnePerGroup }, version)).toThrow(
      new RegExp(`fauxqs ${version}: FIFO receive batching self-test failed`),
    );
  });
});
