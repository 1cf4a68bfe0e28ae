import { randomBytes } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl, tableName } from '#shared/config/env.ts';
import { recordsToRetry } from '#infra/runtime/batch-outcome.ts';
import { sqsEvent } from '#infra/runtime/sqs-event.ts';
import { lambdaContext } from '#infra/runtime/lambda-context.ts';
import { cashControlKey, lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { storeAcceptedPosting } from '#shared/stores/execution/posting-requests.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { messageGroupId } from '#shared/domain/execution/posting.ts';
import type { PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import { handler } from '#functions/postings/apply-postings.ts';
import { expect } from 'vitest';
import { getPosting } from '#shared/routes/execution.ts';
import { callRoute } from '#test/support/api.ts';
import type { TestCaller } from '#test/support/api.ts';
import type { Route } from '#shared/http/route.ts';
import { setClock } from '#test/support/clock.ts';

export const GOV = '11000';
export const YEAR = 2026;
export const FUND = 'general';

export const callers = {
  financeOfficer: { sub: 'fo-kim', roles: ['finance_officer'], gov: GOV },
  otherFinanceOfficer: { sub: 'fo-lee', roles: ['finance_officer'], gov: GOV },
  disbursingOfficer: { sub: 'do-park', roles: ['disbursing_officer'], gov: GOV },
  bank: { sub: 'bank-seoul', roles: ['treasury_bank'], gov: GOV },
  revenueOfficer: { sub: 'ro-choi', roles: ['revenue_officer'], gov: GOV },
  ministry: { sub: 'mois-1', roles: ['ministry'] },
} satisfies Record<string, TestCaller>;

/** A final budget line as budgeting leaves it (the budget-control-keys.ts contract). */
export async function seedLine(line: {
  gov?: string;
  lineId: string;
  kind?: 'expenditure' | 'revenue';
  allotted: number;
  itemCode?: string;
  fund?: string;
}): Promise<void> {
  const gov = line.gov ?? GOV;
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...lineControlKey(gov, YEAR, line.lineId),
        gov,
        year: YEAR,
        lineId: line.lineId,
        kind: line.kind ?? 'expenditure',
        fund: line.fund ?? FUND,
        itemCode: line.itemCode ?? (line.kind === 'revenue' ? '2' : '201-01'),
        // What the journal map needs (budget control-sync.ts): 행정운영경비 costs; 세외수입 as 경상적세외수입.
        journal:
          line.kind === 'revenue'
            ? { code: line.itemCode === '2' || line.itemCode === undefined ? '2-1' : line.itemCode }
            : { code: line.itemCode ?? '201-01', structureType: '행정운영경비' },
        dept: 'dept-1',
        mandatory: false,
        budget: line.allotted,
        allotted: line.allotted,
        committed: 0,
        resolved: 0,
        ordered: 0,
        paid: 0,
        assessed: 0,
        received: 0,
        refunded: 0,
      },
    }),
  );
}

export async function seedCash(month: string, allocated: number, options: { gov?: string; fund?: string } = {}): Promise<void> {
  const gov = options.gov ?? GOV;
  const fund = options.fund ?? FUND;
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...cashControlKey(gov, YEAR, fund, month), gov, year: YEAR, fund, month, allocated, paid: 0 },
    }),
  );
}

export async function closePeriod(period: string, gov = GOV): Promise<void> {
  await dynamoClient().send(
    new PutCommand({ TableName: tableName(), Item: { pk: `CLOSE#${gov}#${YEAR}`, sk: period, closedBy: 'settlement' } }),
  );
}

export const readItems = (pk: string, prefix = ''): Promise<Record<string, any>[]> => queryPrefix(pk, prefix, { ConsistentRead: true });

export const readLine = async (lineId: string, gov = GOV) => (await readItems(`BUDGET#${gov}#${YEAR}`, `LINE#${lineId}`))[0]!;

export async function queueDepth(url = queueUrl('postings')): Promise<number> {
  const { Attributes = {} } = await sqsClient().send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

export interface DrainStats {
  batches: number;
  delivered: number;
  retried: number;
}

/**
 * Lambda's event source mapping for the tests: receives from the real postings queue, invokes the
 * consumer with Lambda-shaped SQS events, deletes what succeeded and makes what failed visible again
 * at once (instead of after the 60 s visibility timeout), until the queue is empty. `workers`
 * receive concurrently, like concurrent Lambda invocations.
 */
export async function drainPostings(options: { workers?: number; maxBatches?: number } = {}): Promise<DrainStats> {
  const url = queueUrl('postings');
  const stats: DrainStats = { batches: 0, delivered: 0, retried: 0 };
  const maxBatches = options.maxBatches ?? 10_000;
  const inFlight = new Set<Promise<void>>();
  const worker = async () => {
    for (;;) {
      if (stats.batches >= maxBatches) return;
      const { Messages = [] } = await sqsClient().send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'] }),
      );
      if (Messages.length === 0) {
        // Other workers hold the remaining message groups: wait for one of their batches to settle.
        if (inFlight.size > 0) await Promise.race(inFlight);
        else if ((await queueDepth(url)) === 0) return;
        continue;
      }
      stats.batches += 1;
      stats.delivered += Messages.length;
      const batch = invokeAndSettle(url, Messages, stats);
      inFlight.add(batch);
      await batch.finally(() => inFlight.delete(batch));
    }
  };
  await Promise.all(Array.from({ length: options.workers ?? 1 }, worker));
  return stats;
}

async function invokeAndSettle(url: string, messages: Message[], stats: DrainStats): Promise<void> {
  const event = sqsEvent(messages, 'arn:aws:sqs:ap-northeast-2:000000000000:postings.fifo', 'ap-northeast-2');
  let invocation: Parameters<typeof recordsToRetry>[1];
  try {
    invocation = { threw: false, result: await invokeConsumer(event) };
  } catch (error) {
    invocation = { threw: true, error };
  }
  const retry = recordsToRetry(event.Records, invocation, true);
  const done = event.Records.filter((record) => !retry.has(record.messageId));
  if (done.length > 0) {
    await sqsClient().send(
      new DeleteMessageBatchCommand({ QueueUrl: url, Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })) }),
    );
  }
  for (const record of event.Records.filter((r) => retry.has(r.messageId))) {
    stats.retried += 1;
    await sqsClient().send(
      new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: record.receiptHandle, VisibilityTimeout: 0 }),
    );
  }
}

export function invokeConsumer(event: SQSEvent): Promise<SQSBatchResponse> {
  return handler(event, lambdaContext({ functionName: 'apply-postings', timeoutMs: 60_000 })) as Promise<SQSBatchResponse>;
}

let actorSequence = 0;

/** A posting message as the API would enqueue it (for tests that drive the consumer directly). */
export function postingMessage(gov: string, lineId: string, command: PostingCommand, sub = 'tester'): PostingMessage {
  const postingId = `t${(++actorSequence).toString(36).padStart(7, '0')}-${randomBytes(4).toString('hex')}`;
  return {
    postingId,
    gov,
    year: YEAR,
    lineId,
    command,
    actor: {
      sub,
      role: 'finance_officer',
      requestId: `req-${postingId}`,
      sourceIp: '10.0.0.1',
      bodySha256: '0'.repeat(64),
      receivedAt: new Date().toISOString(),
    },
  };
}

/** Stores the messages' requests as the API accepts them (each the audit record of its acceptance), without queueing them. */
export async function storeAsAccepted(messages: readonly PostingMessage[]): Promise<void> {
  for (const message of messages) {
    const stored = await storeAcceptedPosting({
      message,
      requestHash: 'test',
      committedBy: message.actor.sub,
      acceptance: { operation: `${message.command.kind}.accepted` },
    });
    if (!stored.ok) throw new Error(`the request of ${message.postingId} was not stored`);
  }
}

export async function enqueueMessages(messages: readonly PostingMessage[], deduplicationSuffix = ''): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    const chunk = messages.slice(i, i + 10);
    const { Failed = [] } = await sqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl('postings'),
        Entries: chunk.map((message, n) => ({
          Id: String(n),
          MessageBody: JSON.stringify(message),
          MessageGroupId: messageGroupId(message),
          MessageDeduplicationId: `${message.postingId}${deduplicationSuffix}`,
        })),
      }),
    );
    if (Failed.length > 0) throw new Error(`enqueue failed: ${JSON.stringify(Failed)}`);
  }
}

/** The consumer's decisions (RESULT items) of the given postings, in order; undefined while queued. */
export async function readResults(gov: string, postingIds: readonly string[]): Promise<(Record<string, any> | undefined)[]> {
  const found = new Map<string, Record<string, any>>();
  for (let i = 0; i < postingIds.length; i += 100) {
    let keys: Record<string, unknown>[] = postingIds.slice(i, i + 100).map((id) => resultKey(gov, id));
    while (keys.length > 0) {
      const page = await dynamoClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of page.Responses?.[tableName()] ?? []) found.set(String(item.postingId), item);
      keys = page.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return postingIds.map((id) => found.get(id));
}

/**
 * A posting client for tests that build books through the API: each call posts with a fresh
 * Idempotency-Key (`{prefix}-{n}`), requires 202, drains the queue and returns the posting id.
 */
export function postingClient(prefix: string) {
  let keys = 0;
  return async (route: Route, caller: TestCaller, params: Record<string, string>, body: unknown): Promise<string> => {
    const result = await callRoute(route, {
      caller,
      params: { gov: GOV, year: YEAR, ...params },
      body,
      headers: { 'Idempotency-Key': `${prefix}-${++keys}` },
    });
    if (result.status !== 202) throw new Error(`${route.id} answered ${result.status}: ${JSON.stringify(result.body)}`);
    await drainPostings();
    return result.body.postingId as string;
  };
}

/**
 * A posting route's answer, accepted (202), drained and read back: it must be applied. Answers the
 * posting as GET statusUrl shows it (its journal lines included).
 */
export async function appliedPosting(answer: { status: number; body: { postingId?: string } }) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  await drainPostings();
  const read = await callRoute(getPosting, {
    caller: callers.financeOfficer,
    params: { gov: GOV, postingId: String(answer.body.postingId) },
  });
  expect(read.body.status, JSON.stringify(read.body.reason)).toBe('applied');
  return read.body;
}

/**
 * A test's own posting caller on GOV and YEAR, each call with a fresh `Idempotency-Key` (`{prefix}-n`),
 * and the business clock it moves (`on`), put back by `restore` (afterAll).
 */
export function postingSession(prefix: string) {
  let undo: () => void = () => undefined;
  let keys = 0;
  return {
    on(iso: string): void {
      undo();
      undo = setClock(iso);
    },
    restore: (): void => undo(),
    post: (route: Route, caller: object, params: Record<string, string>, body: unknown) =>
      callRoute(route as never, {
        caller: caller as never,
        params: { gov: GOV, year: YEAR, ...params },
        body,
        headers: { 'Idempotency-Key': `${prefix}-${++keys}` },
      }),
  };
}
