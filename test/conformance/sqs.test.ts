/**
 * SQS FIFO conformance: each case runs the same steps against moto (reference) and the embedded
 * engine (fauxqs + infra/embedded/fauxqs-extensions); the normalized results (bodies in order,
 * receive counts, what a locked group gives) must be identical, and are also checked against
 * the behaviour AWS documents, so that the two cannot agree on something wrong.
 */
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engines, startEngines } from '#infra/embedded/engines.ts';
import { type MotoServer, startMoto } from '#infra/embedded/moto.ts';

interface Backend {
  readonly name: 'moto' | 'engine';
  readonly sqs: SQSClient;
}

let moto: MotoServer;
let engines: Engines;
let backends: Backend[];
let caseCount = 0;

function sqsClient(endpoint: string): SQSClient {
  return new SQSClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
    useQueueUrlAsEndpoint: false,
    // A retry would hide the first answer.
    maxAttempts: 1,
  });
}

beforeAll(async () => {
  [moto, engines] = await Promise.all([startMoto(), startEngines()]);
  backends = [
    { name: 'moto', sqs: sqsClient(moto.endpoint) },
    { name: 'engine', sqs: sqsClient(engines.endpoints.sqs) },
  ];
});

afterAll(async () => {
  for (const backend of backends ?? []) backend.sqs.destroy();
  await Promise.all([moto?.stop(), engines?.stop()]);
});

/** Queue operations on one backend; message groups are named by the body's letters (`a3` → `a`). */
function queueOps(sqs: SQSClient) {
  const ops = {
    async create(name: string, attributes: Record<string, string> = {}): Promise<string> {
      const { QueueUrl } = await sqs.send(
        new CreateQueueCommand({ QueueName: `${name}.fifo`, Attributes: { FifoQueue: 'true', ...attributes } }),
      );
      return QueueUrl!;
    },
    async arn(url: string): Promise<string> {
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
      return Attributes!.QueueArn!;
    },
    async send(url: string, bodies: string[], deduplicationId?: (body: string) => string): Promise<void> {
      for (const body of bodies) {
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: url,
            MessageBody: body,
            MessageGroupId: body.replace(/\d+$/, ''),
            ...(deduplicationId ? { MessageDeduplicationId: deduplicationId(body) } : {}),
          }),
        );
      }
    },
    async receive(url: string, input: Partial<ReceiveMessageCommandInput> = {}): Promise<Message[]> {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['All'],
          ...input,
        }),
      );
      return Messages;
    },
    async remove(url: string, messages: Message[]): Promise<void> {
      for (const m of messages) await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
    },
    async setVisibility(url: string, messages: Message[], seconds: number): Promise<void> {
      for (const m of messages)
        await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: seconds }));
    },
  };
  return ops;
}

type QueueOps = ReturnType<typeof queueOps>;

/** What must be identical: bodies in order, with their receive counts. */
const seen = (messages: Message[]) => messages.map((m) => `${m.Body}#${m.Attributes?.ApproximateReceiveCount}`);

/**
 * Runs `steps` against moto, then the engine (sequentially: moto is not safe under concurrent
 * requests), on queues named for this case; asserts that `compared` of both results is equal and
 * returns the engine's result. `compared` leaves out what moto gets wrong (said where it is used).
 */
async function conform<T>(
  steps: (ops: QueueOps, name: string) => Promise<T>,
  compared: (result: T) => unknown = (result) => result,
): Promise<T> {
  const name = `cf-${++caseCount}`;
  const results: T[] = [];
  for (const backend of backends) results.push(await steps(queueOps(backend.sqs), name));
  const [reference, actual] = results as [T, T];
  expect(compared(actual), 'engine vs moto').toEqual(compared(reference));
  return actual;
}

/** For each message group, whether the bodies received are its next messages in send order. */
function inGroupOrder(bodies: readonly string[], sent: readonly string[]): Record<string, boolean> {
  const groups = [...new Set(sent.map((body) => body.replace(/\d+$/, '')))];
  return Object.fromEntries(
    groups.map((group) => {
      const received = bodies.filter((body) => body.startsWith(group) && /^\d+$/.test(body.slice(group.length)));
      const expected = sent.filter((body) => body.replace(/\d+$/, '') === group).slice(0, received.length);
      return [group, received.join() === expected.join()];
    }),
  );
}

describe('SQS FIFO: embedded engine vs moto', () => {
  it('one receive returns up to 10 messages of a group in order; a group in flight gives nothing until all are deleted', async () => {
    const result = await conform(async (q, name) => {
      const url = await q.create(name, { ContentBasedDeduplication: 'true' });
      await q.send(url, [...Array.from({ length: 12 }, (_, i) => `a${i + 1}`), 'b1', 'b2']);
      const first = await q.receive(url);
      const whileInFlight = await q.receive(url);
      await q.remove(url, first);
      const afterDelete = await q.receive(url);
      return { first: seen(first), whileInFlight: seen(whileInFlight), afterDelete: seen(afterDelete) };
    });
    expect(result).toEqual({
      first: ['a1#1', 'a2#1', 'a3#1', 'a4#1', 'a5#1', 'a6#1', 'a7#1', 'a8#1', 'a9#1', 'a10#1'],
      whileInFlight: ['b1#1', 'b2#1'],
      afterDelete: ['a11#1', 'a12#1'],
    });
  });

  it('interleaved groups: order within each group; as many of one group as possible first (AWS; moto interleaves)', async () => {
    const sent = ['a1', 'b1', 'a2', 'b2', 'a3', 'c1', 'b3', 'a4'];
    const result = await conform(
      async (q, name) => {
        const url = await q.create(name, { ContentBasedDeduplication: 'true' });
        await q.send(url, sent);
        return (await q.receive(url, { MaxNumberOfMessages: 6 })).map((m) => m.Body!);
      },
      (bodies) => inGroupOrder(bodies, sent),
    );
    expect(inGroupOrder(result, sent)).toEqual({ a: true, b: true, c: true });
    // AWS: "Amazon SQS first attempts to return as many messages with the same message group ID as
    // possible". moto returns them in send order across groups (a1, b1, a2, ...).
    expect(result).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2']);
  });

  it('a group stays locked while any received message of it is in flight', async () => {
    const result = await conform(async (q, name) => {
      const url = await q.create(name, { ContentBasedDeduplication: 'true' });
      await q.send(url, ['a1', 'a2', 'a3', 'a4']);
      const batch = await q.receive(url, { MaxNumberOfMessages: 3 });
      await q.remove(url, batch.slice(0, 2));
      const oneLeftInFlight = await q.receive(url);
      await q.remove(url, batch.slice(2));
      const allDeleted = await q.receive(url);
      return { batch: seen(batch), oneLeftInFlight: seen(oneLeftInFlight), allDeleted: seen(allDeleted) };
    });
    expect(result).toEqual({ batch: ['a1#1', 'a2#1', 'a3#1'], oneLeftInFlight: [], allDeleted: ['a4#1'] });
  });

  it('deduplicates by MessageDeduplicationId within the 5-minute interval, also after the first was deleted (AWS; moto forgets)', async () => {
    const result = await conform(
      async (q, name) => {
        const url = await q.create(name);
        await q.send(url, ['a1', 'a2'], () => 'same-id');
        await q.send(url, ['a3'], () => 'other-id');
        const first = await q.receive(url);
        await q.remove(url, first);
        await q.send(url, ['a4'], () => 'same-id');
        const afterDelete = await q.receive(url);
        return { first: seen(first), afterDelete: seen(afterDelete) };
      },
      // AWS: "Amazon SQS continues to keep track of the message deduplication ID even after the
      // message is received and deleted." moto forgets the ID once the message is deleted.
      (result) => result.first,
    );
    expect(result).toEqual({ first: ['a1#1', 'a3#1'], afterDelete: [] });
  });

  it('ContentBasedDeduplication: the same body is delivered once, a different body is not a duplicate', async () => {
    const result = await conform(async (q, name) => {
      const url = await q.create(name, { ContentBasedDeduplication: 'true' });
      await q.send(url, ['a1', 'a1', 'a2', 'a1']);
      return seen(await q.receive(url));
    });
    expect(result).toEqual(['a1#1', 'a2#1']);
  });

  it('redrives to the DLQ after maxReceiveCount receives, in order, and the rest of the group follows', async () => {
    const result = await conform(async (q, name) => {
      const dlq = await q.create(`${name}-dlq`, { ContentBasedDeduplication: 'true' });
      const redrivePolicy = JSON.stringify({ deadLetterTargetArn: await q.arn(dlq), maxReceiveCount: 2 });
      const url = await q.create(name, { ContentBasedDeduplication: 'true', RedrivePolicy: redrivePolicy });
      await q.send(url, ['a1', 'a2', 'a3']);
      const attempts: string[][] = [];
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const batch = await q.receive(url, { MaxNumberOfMessages: 2 });
        attempts.push(seen(batch));
        await q.setVisibility(url, batch, 0);
      }
      const third = await q.receive(url, { MaxNumberOfMessages: 2 });
      const dead = await q.receive(dlq);
      return { attempts, third: seen(third), dead: dead.map((m) => m.Body) };
    });
    expect(result).toEqual({
      attempts: [
        ['a1#1', 'a2#1'],
        ['a1#2', 'a2#2'],
      ],
      third: ['a3#1'],
      dead: ['a1', 'a2'],
    });
  });

  it('ChangeMessageVisibility: 0 returns messages in their group order; a longer timeout keeps the group locked', async () => {
    const result = await conform(async (q, name) => {
      const url = await q.create(name, { ContentBasedDeduplication: 'true' });
      await q.send(url, ['a1', 'a2', 'a3', 'b1']);
      const batch = await q.receive(url, { MaxNumberOfMessages: 3 });
      await q.setVisibility(url, batch.slice(0, 1), 600);
      await q.setVisibility(url, batch.slice(1).reverse(), 0);
      const a1StillInFlight = await q.receive(url);
      await q.setVisibility(url, batch.slice(0, 1), 0);
      const allBack = await q.receive(url);
      return { batch: seen(batch), a1StillInFlight: seen(a1StillInFlight), allBack: seen(allBack) };
    });
    expect(result).toEqual({
      batch: ['a1#1', 'a2#1', 'a3#1'],
      a1StillInFlight: ['b1#1'],
      allBack: ['a1#2', 'a2#2', 'a3#2'],
    });
  });
});
