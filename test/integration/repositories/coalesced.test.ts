/**
 * Reads and sends coalesced across the requests served at the same time (issue #21): the calls of one
 * turn of the event loop share SDK requests, each caller gets only its own answer, and a failure of
 * one message fails only its sender.
 */
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { tableName } from '#shared/config/env.ts';
import { coalescedSend } from '#shared/stores/execution/coalesced-send.ts';
import { batchWrite } from '#shared/stores/table/batch-write.ts';
import { keyOf } from '#shared/stores/table/batch-get.ts';
import { coalescedGet } from '#shared/stores/table/coalesced-get.ts';
import { useTestStack } from '#test/support/stack.ts';

await useTestStack();

const COUNTER = 'coalesced-test-counter';
const REFUSER = 'coalesced-test-refuser';
afterEach(() => {
  dynamoClient().middlewareStack.remove(COUNTER);
  sqsClient().middlewareStack.remove(COUNTER);
});

/** The SDK requests a client sends from now on, by command name, with their input. */
function requestsOf(client: ReturnType<typeof dynamoClient> | ReturnType<typeof sqsClient>) {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  (client.middlewareStack as ReturnType<typeof sqsClient>['middlewareStack']).add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: COUNTER },
  );
  return sent;
}

const range = (count: number) => Array.from({ length: count }, (_, n) => n);
const key = (n: number) => ({ pk: 'CG#items', sk: `ITEM#${String(n).padStart(3, '0')}` });

describe('coalescedGet', () => {
  it('reads the keys of callers of one turn in BatchGetItems of at most 100 keys; each caller gets its own items', async () => {
    await batchWrite(range(151).map((n) => ({ PutRequest: { Item: { ...key(n), n } } })));
    const sent = requestsOf(dynamoClient());
    // 75 callers of 3 keys each (the third absent, or shared with the next caller): 188 distinct keys.
    const asked = range(75).map((n) => [key(2 * n), key(2 * n + 1), n % 2 === 0 ? key(2 * n + 2) : { pk: 'CG#absent', sk: String(n) }]);
    const answers = await Promise.all(asked.map((keys) => coalescedGet(keys, { consistent: true })));

    expect(sent.map(({ command }) => command)).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
    for (const { input } of sent) {
      const items = (input.RequestItems as Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>)[tableName()];
      expect(items?.Keys.length).toBeLessThanOrEqual(100);
      expect(items?.ConsistentRead).toBe(true);
    }
    answers.forEach((answer, n) => {
      const present = asked[n]?.filter((k) => k.pk === 'CG#items') ?? [];
      expect([...answer.keys()].sort()).toEqual(present.map(keyOf).sort());
      for (const k of present) expect(answer.get(keyOf(k))?.n).toBe(Number(k.sk.slice(5)));
    });
  });

  it('reads after its caller asked: a write committed before the call is seen', async () => {
    const item = { pk: 'CG#fresh', sk: 'ONE' };
    await dynamoClient().send(new PutCommand({ TableName: tableName(), Item: { ...item, v: 1 } }));
    expect((await coalescedGet([item], { consistent: true })).get(keyOf(item))?.v).toBe(1);
    await dynamoClient().send(new PutCommand({ TableName: tableName(), Item: { ...item, v: 2 } }));
    expect((await coalescedGet([item], { consistent: true })).get(keyOf(item))?.v).toBe(2);
  });

  it("a caller's key that fails the call fails only that caller: the others read alone", async () => {
    const tooLong = { pk: 'CG#items', sk: 'x'.repeat(2000) };
    const outcomes = await Promise.allSettled([coalescedGet([key(5)]), coalescedGet([tooLong]), coalescedGet([key(6), key(7)])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[2]?.status === 'fulfilled' && [...outcomes[2].value.values()].map((item) => item.n)).toEqual([6, 7]);
  });

  it('never mixes strongly and eventually consistent reads in one call', async () => {
    const sent = requestsOf(dynamoClient());
    await Promise.all([coalescedGet([key(1)], { consistent: true }), coalescedGet([key(2)]), coalescedGet([key(3)], { consistent: true })]);
    const consistency = sent.map(({ input }) => {
      const items = (input.RequestItems as Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>)[tableName()];
      return [items?.Keys.length, items?.ConsistentRead === true];
    });
    expect(consistency.sort()).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});

describe('coalescedSend', () => {
  const fifoQueue = async (name: string) => {
    const { QueueUrl } = await sqsClient().send(
      new CreateQueueCommand({ QueueName: `${name}-${Date.now().toString(36)}.fifo`, Attributes: { FifoQueue: 'true' } }),
    );
    if (!QueueUrl) throw new Error('no queue');
    return QueueUrl;
  };
  /** Receives (and deletes) messages until `count` have come. */
  const receiveAll = async (queueUrl: string, count: number): Promise<Message[]> => {
    const received: Message[] = [];
    for (let round = 0; round < 20 && received.length < count; round++) {
      const { Messages = [] } = await sqsClient().send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 60 }),
      );
      received.push(...Messages);
      // a FIFO group stays locked while its messages are in flight
      if (Messages.length > 0)
        await sqsClient().send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: Messages.map((message, n) => ({ Id: String(n), ReceiptHandle: message.ReceiptHandle })),
          }),
        );
    }
    return received;
  };

  it('sends the messages of one turn in SendMessageBatch calls of 10, in the order they were sent', async () => {
    const queueUrl = await fifoQueue('coalesced-order');
    const sent = requestsOf(sqsClient());
    await Promise.all(
      range(25).map((n) => coalescedSend(queueUrl, { MessageBody: `m${n}`, MessageGroupId: 'one-group', MessageDeduplicationId: `d${n}` })),
    );
    expect(sent.map(({ command, input }) => [command, (input.Entries as unknown[]).length])).toEqual([
      ['SendMessageBatchCommand', 10],
      ['SendMessageBatchCommand', 10],
      ['SendMessageBatchCommand', 5],
    ]);
    const received = await receiveAll(queueUrl, 25);
    expect(received.map((message) => message.Body)).toEqual(range(25).map((n) => `m${n}`));
  });

  it('sends the messages of a call that failed as a whole one by one: each sender learns its own outcome', async () => {
    const queueUrl = await fifoQueue('coalesced-retried');
    const sent = requestsOf(sqsClient());
    sqsClient().middlewareStack.add(
      (next, context) => async (args) => {
        const entries = (args.input as { Entries?: unknown[] }).Entries ?? [];
        if (context.commandName === 'SendMessageBatchCommand' && entries.length > 1)
          throw Object.assign(new Error('the batch as a whole was refused'), { name: 'BatchRefused' });
        return next(args);
      },
      { step: 'initialize', name: REFUSER },
    );
    try {
      await Promise.all(
        range(3).map((n) => coalescedSend(queueUrl, { MessageBody: `s${n}`, MessageGroupId: 'g', MessageDeduplicationId: `s${n}` })),
      );
    } finally {
      sqsClient().middlewareStack.remove(REFUSER);
    }
    expect(sent.map(({ input }) => (input.Entries as unknown[]).length)).toEqual([3, 1, 1, 1]);
    expect((await receiveAll(queueUrl, 3)).map((message) => message.Body)).toEqual(['s0', 's1', 's2']);
  });

  it('fails only the sender of a message the queue refuses', async () => {
    const queueUrl = await fifoQueue('coalesced-refused');
    const outcomes = await Promise.allSettled(
      ['fine', 'bad \u0001 character', 'also fine'].map((body, n) =>
        coalescedSend(queueUrl, { MessageBody: body, MessageGroupId: 'g', MessageDeduplicationId: `r${n}` }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await receiveAll(queueUrl, 2)).map((message) => message.Body)).toEqual(['fine', 'also fine']);
  });
});
