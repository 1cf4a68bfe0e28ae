import { auditTrailOf } from '#test/support/audit-trail.ts';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import * as routes from '#shared/routes/execution.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { replayFailedPostings } from '#shared/application/execution/replay-failed-postings.ts';
import { listFailedPostings } from '#shared/stores/execution/failed-postings.ts';
import { requestItem } from '#shared/stores/execution/posting-items.ts';
import {
  callers,
  drainPostings,
  GOV,
  invokeConsumer,
  postingMessage,
  readLine,
  readResults,
  seedLine,
  YEAR,
} from '#test/integration/execution/support.ts';

await useTestStack();

/** A batch as Lambda delivers it, every record on its `attempt`-th delivery (ApproximateReceiveCount). */
function delivery(messages: readonly PostingMessage[], attempt: number): SQSEvent {
  return {
    Records: messages.map((message) => ({
      messageId: `m-${message.postingId}`,
      receiptHandle: `h-${message.postingId}`,
      body: JSON.stringify(message),
      attributes: {
        ApproximateReceiveCount: String(attempt),
        SentTimestamp: '0',
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: '0',
        MessageGroupId: messageGroupId(message),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-northeast-2:000000000000:hojo-postings-000.fifo',
      awsRegion: 'ap-northeast-2',
    })),
  };
}

const failedIds = async (event: SQSEvent) => (await invokeConsumer(event)).batchItemFailures.map((f) => f.itemIdentifier);
const message = (lineId: string, command: PostingCommand) => postingMessage(GOV, lineId, command, 'ro-choi');
const commit = (lineId: string, amount: number) =>
  message(lineId, { kind: 'commit', lineId, amount, counterparty: 'c', contractRef: 'r', date: '2026-06-01' });
const post = (route: (typeof routes)[keyof typeof routes], body: Record<string, unknown>) =>
  callRoute(route, {
    caller: callers.revenueOfficer,
    params: { gov: GOV, year: YEAR },
    body,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
const status = async (postingId: string) =>
  (await callRoute(routes.getPosting, { caller: callers.revenueOfficer, params: { gov: GOV, postingId } })).body;

/** 2^53 + 3 + 2^53 won: what three receipts of 2^53 − 1 left on a line before counters were bounded. */
const BEYOND_2_53 = 18_014_398_509_481_973n;

describe('amounts and counters are bounded, and a poisoned posting is decided without stalling anyone', () => {
  beforeAll(async () => {
    await seedLine({ lineId: 'near-bound', kind: 'revenue', allotted: 0, itemCode: '2' });
    await seedLine({ lineId: 'poisoned', kind: 'revenue', allotted: 0, itemCode: '2' });
    await seedLine({ lineId: 'healthy', allotted: 1_000_000 });
  });

  it('refuses an amount over 10^15 won (400) and a counter past 2^53 − 1 (422 counter-within-bound, with the numbers)', async () => {
    const huge = await post(routes.assessRevenue, {
      lineId: 'near-bound',
      amount: 9_007_199_254_740_991,
      payer: 'p',
      dueDate: '2026-06-30',
      date: '2026-06-01',
    });
    expect(huge.status).toBe(400);
    expect(JSON.stringify(huge.body.errors)).toContain('at most 10^15 won');

    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lineControlKey(GOV, YEAR, 'near-bound'),
        UpdateExpression: 'SET assessed = :near',
        ExpressionAttributeValues: { ':near': Number.MAX_SAFE_INTEGER - 5 },
      }),
    );
    const past = await post(routes.assessRevenue, {
      lineId: 'near-bound',
      amount: 10,
      payer: 'p',
      dueDate: '2026-06-30',
      date: '2026-06-01',
    });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({
      code: 'counter-within-bound',
      context: {
        rule: 'counter-within-bound',
        assessed: Number.MAX_SAFE_INTEGER - 5,
        limit: Number.MAX_SAFE_INTEGER,
        change: { assessed: 10 },
      },
    });
    const fits = await post(routes.assessRevenue, {
      lineId: 'near-bound',
      amount: 5,
      payer: 'p',
      dueDate: '2026-06-30',
      date: '2026-06-01',
    });
    expect(fits.status).toBe(202);
    await drainPostings();
    expect((await readLine('near-bound')).assessed).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('isolates the failing message group, decides the posting after 3 deliveries (posting-failed), and replays it once repaired', async () => {
    // A receipt on the line, then the line's `received` as an unbounded past left it (beyond 2^53).
    const assess = message('poisoned', {
      kind: 'assess',
      lineId: 'poisoned',
      amount: 1_000,
      payer: 'p',
      dueDate: '2026-06-30',
      date: '2026-06-01',
    });
    const receive = message('poisoned', { kind: 'receive', assessmentId: assess.postingId, amount: 1_000, date: '2026-06-02' });
    expect(await failedIds(delivery([assess, receive], 1))).toEqual([]);
    const lineKey = lineControlKey(GOV, YEAR, 'poisoned');
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lineKey,
        UpdateExpression: 'SET received = :beyond',
        ExpressionAttributeValues: { ':beyond': BEYOND_2_53 },
      }),
    );

    const refund = message('poisoned', {
      kind: 'refund',
      receiptId: receive.postingId,
      amount: 100,
      date: '2026-06-03',
      reason: 'over-payment',
    });
    // Accepted as the API stores it (its REQUEST item: what status and replay read).
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: requestItem(refund, { requestHash: 'test', acceptance: { operation: 'test.accepted' } }),
      }),
    );
    const others = [commit('healthy', 10), commit('healthy', 20)];
    const batch = [refund, ...others];

    // First and second delivery: only the poisoned posting is left for redelivery; the other group is applied at once.
    expect(await failedIds(delivery(batch, 1))).toEqual([`m-${refund.postingId}`]);
    expect(
      (
        await readResults(
          GOV,
          others.map((o) => o.postingId),
        )
      ).map((r) => r?.status),
    ).toEqual(['applied', 'applied']);
    expect((await readLine('healthy')).committed).toBe(30);
    expect(await failedIds(delivery([refund], 2))).toEqual([`m-${refund.postingId}`]);
    expect(await status(refund.postingId)).toMatchObject({ status: 'queued' });

    // Third delivery: decided, so its message group moves on; the operators see it and are alarmed.
    expect(await failedIds(delivery([refund], 3))).toEqual([]);
    expect(await status(refund.postingId)).toMatchObject({
      status: 'rejected',
      reason: { rule: 'posting-failed', context: { rule: 'posting-failed', attempts: 3, failure: 'Error' } },
    });
    expect(await listFailedPostings(GOV)).toContain(refund.postingId);

    // Replayed before the repair: it fails again and is decided again (a second rejection on record, its own key).
    expect((await replayFailedPostings(GOV, 'operator:test')).replayed).toEqual([refund.postingId]);
    expect(await status(refund.postingId)).toMatchObject({ status: 'queued' });
    expect(await failedIds(delivery([refund], 3))).toEqual([]);
    expect(await status(refund.postingId)).toMatchObject({ status: 'rejected', reason: { rule: 'posting-failed' } });
    await drainPostings(); // the replay's message: the posting is decided, so it is passed over
    expect(await listFailedPostings(GOV)).toContain(refund.postingId);

    // Repaired (the counter set back to what the receipts add up to), then replayed: applied once.
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: lineKey,
        UpdateExpression: 'SET received = :sum',
        ExpressionAttributeValues: { ':sum': 1_000 },
      }),
    );
    const replay = await replayFailedPostings(GOV, 'operator:test');
    expect(replay.replayed).toEqual([refund.postingId]);
    await drainPostings();
    expect(await status(refund.postingId)).toMatchObject({ status: 'applied', amount: 100 });
    expect(await readLine('poisoned')).toMatchObject({ received: 1_000, refunded: 100 });
    expect(await listFailedPostings(GOV)).not.toContain(refund.postingId);
    const audit = (await auditTrailOf(GOV, [refund.actor.receivedAt.slice(0, 7)])).filter(
      (a) => a.target === `posting ${refund.postingId}` && a.operation.startsWith('posting.'),
    );
    expect(audit.map((a) => a.operation).sort()).toEqual([
      'posting.refund.applied',
      'posting.refund.rejected',
      'posting.refund.rejected',
      'posting.refund.replayed',
      'posting.refund.replayed',
    ]);
    expect(audit.find((a) => a.operation === 'posting.refund.replayed')).toMatchObject({ subject: 'operator:test' });
    // A rule's rejection is a decision: the replay leaves it alone.
    expect((await replayFailedPostings(GOV, 'operator:test', [refund.postingId])).skipped).toEqual([refund.postingId]);
  });
});
