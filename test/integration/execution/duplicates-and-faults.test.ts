import { auditTrailOf } from '#test/support/audit-trail.ts';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '#test/support/stack.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl } from '#shared/config/env.ts';
import { applyPostings } from '#shared/application/execution/apply-postings.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import {
  drainPostings,
  enqueueMessages,
  storeAsAccepted,
  GOV,
  postingMessage,
  queueDepth,
  readLine,
  readResults,
  seedLine,
} from '#test/integration/execution/support.ts';
import { redrive } from '#infra/runtime/redrive.ts';

await useTestStack();

const commit = (lineId: string, amount: number, date = '2026-07-01') =>
  postingMessage(GOV, lineId, { kind: 'commit', lineId, amount, counterparty: 'c', contractRef: 'r', date });

type Fault = 'throttle' | 'timeout-after-write' | 'conflict';
const FAULT_MIDDLEWARE = 'execution-test-faults';

/** Fault injection at the SDK layer: the chosen TransactWriteItems calls fail as DynamoDB would fail them. */
function injectFaults(plan: (call: number) => Fault | undefined, matches: (input: any) => boolean = () => true): void {
  let call = 0;
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand' || !matches(args.input)) return next(args);
      const fault = plan(++call);
      if (fault === 'throttle')
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ThrottlingException', $metadata: {} });
      if (fault === 'conflict') {
        throw new TransactionCanceledException({
          message: 'Transaction cancelled [TransactionConflict]',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        });
      }
      const result = await next(args);
      if (fault === 'timeout-after-write')
        throw Object.assign(new Error('socket timed out after the request was sent'), { name: 'TimeoutError', $metadata: {} });
      return result;
    },
    { step: 'initialize', name: FAULT_MIDDLEWARE },
  );
}

afterEach(() => {
  dynamoClient().middlewareStack.remove(FAULT_MIDDLEWARE);
});

/** The dead-letter queue of the (one) postings shard: hojo-postings-000.fifo → hojo-postings-dlq-000.fifo. */
const deadLetterQueueUrl = () => queueUrl('postings').replace(/hojo-postings-(\d+)\.fifo$/, 'hojo-postings-dlq-$1.fifo');

/** The records of application the audit trail lists for the messages' postings. */
const auditCount = async (messages: readonly PostingMessage[]) => {
  const month = messages[0]!.actor.receivedAt.slice(0, 7);
  const targets = new Set(messages.map((m) => `posting ${m.postingId}`));
  return (await auditTrailOf(GOV, [month])).filter((a) => targets.has(a.target) && a.operation.endsWith('.applied')).length;
};

describe('duplicates and crashes: each posting is applied exactly once, nothing is lost', () => {
  beforeAll(async () => {
    for (const lineId of ['dup-a', 'dup-b', 'dup-c', 'dlq', 'hot', 'normal']) await seedLine({ lineId, allotted: 10_000_000 });
  });

  it('survives throttling, conflicts and timeouts after the write, and redelivery of everything', async () => {
    const messages = ['dup-a', 'dup-b', 'dup-c'].flatMap((lineId) => Array.from({ length: 40 }, (_, i) => commit(lineId, 1_000 + i)));
    await storeAsAccepted(messages);
    await enqueueMessages(messages);
    const faults: Fault[] = ['throttle', 'timeout-after-write', 'conflict'];
    injectFaults((call) => (call % 4 === 0 ? undefined : faults[(call % 4) - 1]));
    const stats = await drainPostings({ workers: 2 });
    expect(stats.retried).toBeGreaterThan(0);

    // A batch that failed maxReceiveCount times sits in the dead-letter queue, not lost: once the
    // incident is over, the operators' redrive (npm run redrive -- postings) brings it back.
    dynamoClient().middlewareStack.remove(FAULT_MIDDLEWARE);
    await redrive(sqsClient(), queueUrl('postings'));
    await drainPostings({ workers: 2 });
    const expectExactlyOnce = async () => {
      const results = await readResults(
        GOV,
        messages.map((m) => m.postingId),
      );
      expect(results.filter((r) => r?.status !== 'applied')).toEqual([]);
      for (const lineId of ['dup-a', 'dup-b', 'dup-c']) {
        expect((await readLine(lineId)).committed).toBe(Array.from({ length: 40 }, (_, i) => 1_000 + i).reduce((a, b) => a + b, 0));
      }
      expect(await auditCount(messages)).toBe(messages.length);
    };
    await expectExactlyOnce();

    // The same postings delivered again later (after SQS's five-minute deduplication window).
    await enqueueMessages(messages, '-again');
    await drainPostings({ workers: 2 });
    await expectExactlyOnce();
    expect(await queueDepth(deadLetterQueueUrl())).toBe(0);
  });

  it('moves a message that keeps failing to the dead-letter queue, and applies it once redriven', async () => {
    const poison = commit('dlq', 5_000);
    injectFaults(
      () => 'throttle',
      // Write conditions carry bigint values (exact beyond 2^53): stringify them as text.
      (input) => JSON.stringify(input, (_, value) => (typeof value === 'bigint' ? String(value) : value)).includes(poison.postingId),
    );
    await enqueueMessages([poison]);
    await drainPostings();
    const dlqUrl = deadLetterQueueUrl();
    const { Messages = [] } = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10 }));
    expect(Messages.map((m) => JSON.parse(m.Body!).postingId)).toEqual([poison.postingId]);
    expect((await readResults(GOV, [poison.postingId]))[0]).toBeUndefined();

    dynamoClient().middlewareStack.remove(FAULT_MIDDLEWARE);
    await enqueueMessages([JSON.parse(Messages[0]!.Body!)], '-redrive');
    await enqueueMessages([JSON.parse(Messages[0]!.Body!)], '-redrive-twice');
    await drainPostings();
    expect((await readResults(GOV, [poison.postingId]))[0]?.status).toBe('applied');
    expect((await readLine('dlq')).committed).toBe(5_000);
  });

  it('aggregates a hot line: one counter update for a batch, fewer write units per posting', async () => {
    const hot = Array.from({ length: 10 }, (_, i) => commit('hot', 100 + i));
    const single = Array.from({ length: 10 }, (_, i) => commit('normal', 100 + i));
    const hotReport = await applyPostings(hot);
    let singleUnits = 0;
    for (const message of single) singleUnits += (await applyPostings([message])).capacityUnits;
    expect(hotReport.transactions).toBe(1);
    expect(hotReport.outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect((await readLine('hot')).committed).toBe((await readLine('normal')).committed);
    expect(hotReport.capacityUnits).toBeLessThan(singleUnits);

    console.info(
      `write units per commitment: ${(singleUnits / single.length).toFixed(1)} one per transaction, ` +
        `${(hotReport.capacityUnits / hot.length).toFixed(1)} with 10 on one line per transaction`,
    );
  });
});
