import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestStack } from '#test/support/stack.ts';
import { createQueuePoller, runtimeSqsClient } from '#infra/runtime/queue-poller.ts';
import type { QueuePoller } from '#infra/runtime/queue-poller.ts';
import { redrive } from '#infra/runtime/redrive.ts';
import { consumerState, setBehaviour } from '#test/runtime/fixtures/test-consumer.ts';

const stack = await useTestStack();
const sqs = runtimeSqsClient();
const CONSUMER = 'test/runtime/fixtures/test-consumer.ts';
const VISIBILITY_SECONDS = 1;
const MAX_RECEIVES = 2;
let queueCounter = 0;
const running: QueuePoller[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((poller) => poller.stop()));
});

/** A queue with a 1 s visibility timeout and a DLQ after two receives, so redelivery tests stay short. */
async function testQueue(fifo: boolean, maxReceiveCount = MAX_RECEIVES) {
  queueCounter += 1;
  const name = `${stack.prefix}q${queueCounter}`;
  const suffix = fifo ? '.fifo' : '';
  const fifoAttributes = fifo ? { FifoQueue: 'true' } : {};
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq${suffix}`, Attributes: fifoAttributes }));
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes
    ?.QueueArn;
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: `${name}${suffix}`,
      Attributes: {
        ...fifoAttributes,
        VisibilityTimeout: String(VISIBILITY_SECONDS),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }),
      },
    }),
  );
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes
    ?.QueueArn;
  return { url: queue.QueueUrl ?? '', dlqUrl: dlq.QueueUrl ?? '', arn: arn ?? '' };
}

function poller(queueUrl: string, fifo: boolean, batchSize: number, concurrency = 1): QueuePoller {
  const created = createQueuePoller({
    queueUrl,
    declaration: {
      name: 'test',
      fifo,
      visibilityTimeoutSeconds: VISIBILITY_SECONDS,
      consumer: { handler: CONSUMER, batchSize, maxBatchingWindowSeconds: 0 },
    },
    waitTimeSeconds: 1,
    concurrency,
    sqs,
  });
  running.push(created);
  return created;
}

const send = (queueUrl: string, bodies: readonly string[], group?: (body: string) => string) =>
  sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: bodies.map((body, index) => ({
        Id: String(index),
        MessageBody: body,
        ...(group ? { MessageGroupId: group(body), MessageDeduplicationId: body } : {}),
      })),
    }),
  );

async function dlqBodies(dlqUrl: string): Promise<string[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 0 }),
  );
  return Messages.map((m) => m.Body ?? '');
}

async function depth(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

const deliveries = (): SQSRecord[] => consumerState().invocations.flatMap((invocation) => invocation.event.Records);
const bodiesOf = (records: readonly SQSRecord[]) => records.map((record) => record.body);
const failing = (bodies: readonly string[]) => (event: SQSEvent) =>
  Promise.resolve({
    batchItemFailures: event.Records.filter((r) => bodies.includes(r.body)).map((r) => ({ itemIdentifier: r.messageId })),
  });

describe('queue poller (Lambda SQS event source semantics)', () => {
  it('hands the consumer real SQS records: ids, receipt handles, attributes, message attributes, source ARN', async () => {
    const queue = await testQueue(true);
    setBehaviour(async () => undefined);
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: '{"postingId":"p-1"}',
        MessageGroupId: '11110#2025#L-1',
        MessageDeduplicationId: 'p-1',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'commit' } },
      }),
    );
    await poller(queue.url, true, 10).drain();

    const [invocation] = consumerState().invocations;
    const record = invocation?.event.Records[0];
    expect(record).toMatchObject({
      body: '{"postingId":"p-1"}',
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: 'ap-northeast-2',
      attributes: { ApproximateReceiveCount: '1', MessageGroupId: '11110#2025#L-1', MessageDeduplicationId: 'p-1' },
      messageAttributes: { kind: { stringValue: 'commit', dataType: 'String', stringListValues: [], binaryListValues: [] } },
    });
    expect(record?.messageId).toMatch(/\S/);
    expect(record?.receiptHandle).toMatch(/\S/);
    expect(record?.attributes.SequenceNumber).toMatch(/^\d+$/);
    expect(Number(record?.attributes.SentTimestamp)).toBeGreaterThan(0);
    expect(invocation?.context.functionName).toBe('hojo-test-runtime-fixtures-test-consumer.ts');
    expect(invocation?.context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('partial batch failure: deletes the successes, redelivers the failure after the visibility timeout, then moves it to the DLQ', async () => {
    const queue = await testQueue(false);
    setBehaviour(failing(['bad']));
    await send(queue.url, ['good-1', 'bad', 'good-2']);
    const stats = await poller(queue.url, false, 10).drain();

    const seen = deliveries();
    expect(seen.filter((r) => r.body === 'good-1')).toHaveLength(1);
    expect(seen.filter((r) => r.body === 'good-2')).toHaveLength(1);
    const bad = seen.filter((r) => r.body === 'bad');
    expect(bad.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(Number(bad[1]?.attributes.SentTimestamp) + VISIBILITY_SECONDS * 1000).toBeLessThanOrEqual(Date.now());
    expect(await dlqBodies(queue.dlqUrl)).toEqual(['bad']);
    expect(stats).toMatchObject({ succeeded: 2, retried: 2 });
  });

  it('a thrown error fails the whole batch, which is redelivered and succeeds on the next try', async () => {
    const queue = await testQueue(false);
    let calls = 0;
    setBehaviour(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
    });
    await send(queue.url, ['a', 'b']);
    await poller(queue.url, false, 10).drain();

    const seen = deliveries();
    expect(bodiesOf(seen).sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(seen.filter((r) => r.attributes.ApproximateReceiveCount === '2')).toHaveLength(2);
    expect(await dlqBodies(queue.dlqUrl)).toEqual([]);
  });

  it('a response naming no record of the batch counts as a failure of the whole batch', async () => {
    const queue = await testQueue(false);
    let calls = 0;
    setBehaviour(async () => {
      calls += 1;
      return calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] } : undefined;
    });
    await send(queue.url, ['only']);
    await poller(queue.url, false, 10).drain();
    expect(deliveries().map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
  });

  it('FIFO: each group is consumed in order, a failure holds back the rest of its group only, and groups never overlap', async () => {
    const queue = await testQueue(true);
    const inFlightGroups = new Set<string>();
    const applied: string[] = [];
    let overlap = false;
    let failedOnce = false;
    // Applies records in order; after a failure it skips the rest of that group, reporting only the
    // failed record: the runtime must keep the skipped ones on the queue.
    setBehaviour(async (event) => {
      const groups = event.Records.map((r) => r.attributes.MessageGroupId ?? '');
      if (groups.some((g) => inFlightGroups.has(g))) overlap = true;
      for (const g of groups) inFlightGroups.add(g);
      await new Promise((resolve) => setImmediate(resolve));
      for (const g of groups) inFlightGroups.delete(g);
      const blocked = new Set<string>();
      const failures: { itemIdentifier: string }[] = [];
      for (const record of event.Records) {
        const group = record.attributes.MessageGroupId ?? '';
        if (blocked.has(group)) continue;
        if (record.body === 'A2' && !failedOnce) {
          failedOnce = true;
          blocked.add(group);
          failures.push({ itemIdentifier: record.messageId });
          continue;
        }
        applied.push(record.body);
      }
      return { batchItemFailures: failures };
    });
    const bodies = ['A1', 'B1', 'A2', 'B2', 'A3', 'B3', 'A4', 'C1'];
    await send(queue.url, bodies, (body) => body.slice(0, 1));
    await poller(queue.url, true, 10, 3).drain();

    expect(applied.filter((b) => b.startsWith('A'))).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(applied.filter((b) => b.startsWith('B'))).toEqual(['B1', 'B2', 'B3']);
    expect(applied).toContain('C1');
    // B and C finished while A waited for its redelivery.
    expect(applied.indexOf('B3')).toBeLessThan(applied.indexOf('A2'));
    expect(overlap).toBe(false);
  });

  it('FIFO: records after a failed record of the same group in one batch are retried too, not deleted', async () => {
    const { recordsToRetry } = await import('#infra/runtime/batch-outcome.ts');
    const record = (id: string, group: string) => ({ messageId: id, attributes: { MessageGroupId: group } }) as unknown as SQSRecord;
    const batch = [record('a1', 'A'), record('b1', 'B'), record('a2', 'A'), record('a3', 'A'), record('b2', 'B')];
    const retry = recordsToRetry(batch, { threw: false, result: { batchItemFailures: [{ itemIdentifier: 'a2' }] } }, true);
    expect([...retry].sort()).toEqual(['a2', 'a3']);
  });

  it('stop() waits for the batch in flight to finish and be deleted', async () => {
    const queue = await testQueue(false);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    setBehaviour(async () => {
      await released;
      finished = true;
    });
    await send(queue.url, ['slow']);
    const consumer = poller(queue.url, false, 10);
    consumer.start();
    await vi.waitFor(() => expect(consumerState().invocations).toHaveLength(1), { timeout: 10_000, interval: 20 });

    let stopped = false;
    const stopping = consumer.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('redrive moves DLQ messages back with their message group, in order, and they are then consumed', async () => {
    const queue = await testQueue(true, 1);
    setBehaviour(async (event) => ({ batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) }));
    await send(queue.url, ['G1', 'G2'], () => 'G');
    const failingConsumer = poller(queue.url, true, 10);
    await failingConsumer.drain();
    await failingConsumer.stop();
    expect(await depth(queue.dlqUrl)).toBe(2);

    const result = await redrive(sqs, queue.url);
    expect(result).toMatchObject({ moved: 2, deadLetterQueueUrl: queue.dlqUrl });
    expect(await depth(queue.dlqUrl)).toBe(0);

    setBehaviour(async () => undefined);
    await poller(queue.url, true, 10).drain();
    const replayed = deliveries();
    expect(bodiesOf(replayed)).toEqual(['G1', 'G2']);
    expect(replayed.every((r) => r.attributes.MessageGroupId === 'G')).toBe(true);
  });
});
