import { auditTrailOf } from '#test/support/audit-trail.ts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import { useTestStack } from '#test/support/stack.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { pendingPostingsKey } from '#shared/stores/budget/control-keys.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { requestItem } from '#shared/stores/execution/posting-items.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { now } from '#shared/clock.ts';
import { queueUrl, tableName } from '#shared/config/env.ts';
import { replayRejectedPosting } from '#shared/application/execution/replay-rejected-posting.ts';
import { replayInLineOrder } from '#shared/application/execution/replay-in-line-order.ts';
import type { RedrivenPostingRef } from '#shared/application/execution/replay-in-line-order.ts';
import * as routes from '#shared/routes/execution.ts';
import {
  callers,
  drainPostings,
  GOV,
  postingMessage,
  queueDepth,
  readItems,
  readLine,
  readResults,
  seedCash,
  seedLine,
  YEAR,
} from '#test/integration/execution/support.ts';
import { redrive } from '#infra/runtime/redrive.ts';

/**
 * Issue #19 item 3: a commitment that kept failing (throttled past maxReceiveCount) sits in the
 * dead-letter queue while its line moves on, so its resolution, payment order and payment are
 * refused `unknown-…`. The redrive (`npm run redrive -- postings --in-order --apply`) puts it back
 * and replays exactly those behind it, in acceptance order, once each; a refusal on amounts stays.
 */
await useTestStack();

const LINE = 'redrive-in-order';
const FAULTS = 'redrive-in-order-faults';
const deadLetterQueueUrl = () => queueUrl('postings').replace(/hojo-postings-(\d+)\.fifo$/, 'hojo-postings-dlq-$1.fifo');

/** Every TransactWriteItems that names `postingId` fails as DynamoDB fails a throttled call. */
function throttleWritesOf(postingId: string): void {
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = JSON.stringify(args.input, (_, value) => (typeof value === 'bigint' ? String(value) : value));
      if (context.commandName === 'TransactWriteItemsCommand' && input.includes(postingId))
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ThrottlingException', $metadata: {} });
      return next(args);
    },
    { step: 'initialize', name: FAULTS },
  );
}

afterEach(() => {
  dynamoClient().middlewareStack.remove(FAULTS);
});

let keys = 0;
async function accept(route: (typeof routes)[keyof typeof routes], caller: TestCaller, params: object, body: object): Promise<string> {
  const answer = await callRoute(route, {
    caller,
    params: { gov: GOV, year: YEAR, ...params },
    body,
    headers: { 'Idempotency-Key': `in-order-${++keys}` },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return String(answer.body.postingId);
}

const decisions = async (ids: readonly string[]) => (await readResults(GOV, ids)).map((r) => r?.status ?? 'queued');
const rules = async (ids: readonly string[]) => (await readResults(GOV, ids)).map((r) => r?.reason?.rule);
const operationsOf = async (ids: readonly string[]) => {
  // Acceptance and decisions are audited on the business clock, the operator's replay at the real time.
  const months = new Set([now(), new Date()].map((at) => at.toISOString().slice(0, 7)));
  const audit = await auditTrailOf(GOV, months);
  return ids.map((id) =>
    audit
      .filter((a) => a.target === `posting ${id}`)
      .map((a) => String(a.operation).split('.').pop())
      .sort(),
  );
};

beforeAll(async () => {
  await seedLine({ lineId: LINE, allotted: 10_000 });
  await seedCash('2026-05', 10_000);
});

describe('redrive in line order: a commitment back from the DLQ, and the postings its absence refused', () => {
  it('replays the refused resolution, order and payment behind it, once each, in order; leaves a budget refusal; twice changes nothing', async () => {
    // 1. The commitment keeps being throttled: five deliveries, then the dead-letter queue.
    const commitment = await accept(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      { lineId: LINE, amount: 1_000, counterparty: 'c', contractRef: 'C-1', date: '2026-05-04' },
    );
    throttleWritesOf(commitment);
    await drainPostings();
    expect(await queueDepth(deadLetterQueueUrl())).toBe(1);
    expect(await decisions([commitment])).toEqual(['queued']);
    dynamoClient().middlewareStack.remove(FAULTS);

    // 2. The line moves on without it.
    const resolution = await accept(
      routes.resolvePayment,
      callers.financeOfficer,
      { commitmentId: commitment },
      { amount: 1_000, date: '2026-05-05' },
    );
    const order = await accept(
      routes.orderPayment,
      callers.disbursingOfficer,
      { resolutionId: resolution },
      { amount: 1_000, date: '2026-05-06' },
    );
    const payment = await accept(routes.confirmPayment, callers.bank, { orderId: order }, { date: '2026-05-07', bankReference: 'TX-1' });
    const fits = await accept(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      { lineId: LINE, amount: 6_000, counterparty: 'c', contractRef: 'C-2', date: '2026-05-05' },
    );
    const overBudget = await accept(
      routes.createCommitment,
      callers.financeOfficer,
      {},
      { lineId: LINE, amount: 6_000, counterparty: 'c', contractRef: 'C-3', date: '2026-05-05' },
    );
    await drainPostings();
    const chain = [resolution, order, payment];
    expect(await rules(chain)).toEqual(['unknown-commitment', 'unknown-resolution', 'unknown-order']);
    expect(await decisions([fits, overBudget])).toEqual(['applied', 'rejected']);
    expect(await rules([overBudget])).toEqual(['committed-within-allotment']);

    // 3. The redrive moves it back; the dry run lists what it would replay and changes nothing.
    const moved = await redrive(sqsClient(), queueUrl('postings'));
    const redriven = moved.bodies.map((body): RedrivenPostingRef => JSON.parse(body));
    expect(redriven.map((r) => r.postingId)).toEqual([commitment]);
    const [plan] = await replayInLineOrder(redriven, 'operator:test', { apply: false });
    expect(plan).toMatchObject({ status: 'queued', replayed: [] });
    expect(plan?.verdicts).toEqual([
      { action: 'replay', postingId: resolution, rule: 'unknown-commitment', after: commitment },
      { action: 'replay', postingId: order, rule: 'unknown-resolution', after: resolution },
      { action: 'replay', postingId: payment, rule: 'unknown-order', after: order },
      { action: 'leave', postingId: overBudget, rule: 'committed-within-allotment' },
    ]);
    expect(await decisions(chain)).toEqual(['rejected', 'rejected', 'rejected']);

    // 4. Applied: all four are decided once, in order (each would be refused again before the one it refers to).
    const [done] = await replayInLineOrder(redriven, 'operator:test', { apply: true });
    expect(done).toMatchObject({ replayed: chain, notReplayed: [] });
    await drainPostings();
    expect(await decisions([commitment, ...chain])).toEqual(['applied', 'applied', 'applied', 'applied']);
    const decidedAt = (await readResults(GOV, [commitment, ...chain])).map((r) => String(r?.decidedAt));
    expect(decidedAt).toEqual([...decidedAt].sort());
    expect(await readLine(LINE)).toMatchObject({ committed: 7_000, resolved: 1_000, ordered: 1_000, paid: 1_000 });
    expect(await rules([overBudget])).toEqual(['committed-within-allotment']);
    const audited = await operationsOf([commitment, ...chain]);
    expect(audited).toEqual([
      ['accepted', 'applied'],
      ['accepted', 'applied', 'rejected', 'replayed'],
      ['accepted', 'applied', 'rejected', 'replayed'],
      ['accepted', 'applied', 'rejected', 'replayed'],
    ]);
    expect(await queueDepth(deadLetterQueueUrl())).toBe(0);

    // 5. Run again: nothing left to replay, nothing changes.
    const [again] = await replayInLineOrder(redriven, 'operator:test', { apply: true });
    expect(again).toMatchObject({ status: 'applied', replayed: [], verdicts: [{ action: 'leave', postingId: overBudget }] });
    await drainPostings();
    expect(await operationsOf([commitment, ...chain])).toEqual(audited);
    expect(await readLine(LINE)).toMatchObject({ committed: 7_000, resolved: 1_000, ordered: 1_000, paid: 1_000 });
  });

  it('counts a replayed posting on its 성립전 line again, and does not replay it once that line was reversed', async () => {
    const refused = (lineId: string) => {
      const message = postingMessage(GOV, LINE, { kind: 'resolve', commitmentId: 'gone', amount: 1, date: '2026-05-05' });
      return { ...message, pendingOn: [lineId] };
    };
    const [counted, reversed] = [refused('pre-established-a'), refused('pre-established-b')];
    for (const message of [counted, reversed]) {
      await dynamoClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: requestItem(message, { requestHash: 'h', acceptance: { operation: 'test.accepted' } }),
        }),
      );
      await dynamoClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...resultKey(GOV, message.postingId),
            postingId: message.postingId,
            status: 'rejected',
            reason: { rule: 'unknown-commitment' },
          },
        }),
      );
    }
    // The rejection took them off the count (0); the second line has been reversed since.
    await dynamoClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...pendingPostingsKey(GOV, YEAR, 'pre-established-a'), pending: 0 } }),
    );
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...pendingPostingsKey(GOV, YEAR, 'pre-established-b'), pending: 0, removedAt: 'x' },
      }),
    );

    expect(await replayRejectedPosting(counted, 'unknown-commitment', 'operator:test')).toBeUndefined();
    expect(await replayRejectedPosting(reversed, 'unknown-commitment', 'operator:test')).toBe('line-removed');
    expect(await rules([reversed.postingId])).toEqual(['unknown-commitment']);
    const [a] = await readItems(pendingPostingsKey(GOV, YEAR, 'pre-established-a').pk, 'PENDING#pre-established-a');
    expect(a?.pending).toBe(1);
    await drainPostings();
  });
});
