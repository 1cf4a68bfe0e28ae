import { createHash, randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { sqsClient } from '#shared/clients/sqs.ts';
import { queueUrl, tableName } from '#shared/config/env.ts';
import { messageGroupId, referencedDocument } from '#shared/domain/execution/posting.ts';
import type { PostingCommand, PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import type { Violation } from '#shared/domain/execution/rules.ts';
import { Refused, forbidden, invalid, notFound, unprocessable } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { idempotencyKey, requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';
import { requestItem } from '#shared/stores/execution/posting-items.ts';
import { readAndPlan } from '#shared/stores/execution/posting-state.ts';
import { idempotencyKeyValue } from '#shared/schemas/execution.ts';

export interface Submission {
  readonly operation: string;
  readonly gov: string;
  readonly year: number;
  readonly command: PostingCommand;
  readonly request: RequestInfo;
}

/** The posting kind a referenced id must have been created by. */
type ReferencedName = 'commitment' | 'resolution' | 'payment-order' | 'assessment' | 'receipt' | 'posting';
const referencedKind: Partial<Record<PostingKind, { kind: PostingKind; name: ReferencedName }>> = {
  resolve: { kind: 'commit', name: 'commitment' },
  cancel: { kind: 'commit', name: 'commitment' },
  order: { kind: 'resolve', name: 'resolution' },
  pay: { kind: 'order', name: 'payment-order' },
  notice: { kind: 'assess', name: 'assessment' },
  receive: { kind: 'assess', name: 'assessment' },
  refund: { kind: 'receive', name: 'receipt' },
};

/**
 * Accepts a posting: checks the Idempotency-Key, validates it against the current books (the
 * consumer re-checks authoritatively), stores the key and the request in one conditional write,
 * and enqueues it on the FIFO postings queue. Returns the posting id (the same one for a retry).
 */
export async function submitPosting(submission: Submission): Promise<string> {
  const { request } = submission;
  const key = idempotencyKeyOf(request);
  const sub = request.caller?.sub ?? 'anonymous';
  const requestHash = hashOf(submission);
  // The key is looked up only when the request is refused or the conditional write finds it taken:
  // a retry of an accepted request is answered as the first one was, whatever the books say now.
  let prepared: { message: PostingMessage; reference: Reference | undefined };
  try {
    prepared = await prepare(submission, sub);
  } catch (error) {
    if (error instanceof Refused) {
      const replayed = await replay(submission.gov, sub, key, requestHash);
      if (replayed) return replayed;
    }
    throw error;
  }
  const { message, reference } = prepared;
  const committedBy = submission.command.kind === 'commit' ? sub : reference?.committedBy;

  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...idempotencyKey(submission.gov, sub, key),
                entity: 'idempotency-key',
                postingId: message.postingId,
                requestHash,
                createdAt: request.receivedAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: requestItem(message, { committedBy, requestHash }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          // Accepting a posting is itself a change (the request is on record, the key is taken); applying it is audited again by the consumer.
          auditPut(
            tableName(),
            auditRecord(request, {
              gov: submission.gov,
              operation: `${submission.operation}.accepted`,
              target: `posting ${message.postingId}`,
            }),
          ),
        ],
      }),
    );
  } catch (error) {
    // The key is taken (a retry of an accepted request, or a concurrent one that won): answer as that one did.
    if (error instanceof TransactionCanceledException) {
      const winner = await replay(submission.gov, sub, key, requestHash);
      if (winner) return winner;
    }
    throw error;
  }
  await enqueue(message);
  return message.postingId;
}

/** The message to queue, once the reference, segregation of duties and the consumer's rules allow it. */
async function prepare(submission: Submission, sub: string): Promise<{ message: PostingMessage; reference: Reference | undefined }> {
  const { request } = submission;
  const reference = await referenceOf(submission);
  if (submission.command.kind === 'order' && reference?.committedBy === sub) {
    throw forbidden('segregation-of-duties', 'the official who made the commitment cannot order its payment', {
      rule: 'segregation-of-duties',
      commitmentId: reference.commitmentId,
    });
  }
  const message: PostingMessage = {
    postingId: newPostingId(),
    gov: submission.gov,
    year: submission.year,
    lineId: reference?.lineId ?? lineOfCommand(submission.command),
    command: submission.command,
    actor: {
      sub,
      role: request.actingRole ?? 'system',
      requestId: request.requestId,
      sourceIp: request.sourceIp,
      bodySha256: request.bodySha256,
      receivedAt: request.receivedAt,
    },
  };
  await precheck(message, reference !== undefined);
  return { message, reference };
}

function idempotencyKeyOf(request: RequestInfo): string {
  const key = request.headers['idempotency-key'];
  if (key === undefined) throw invalid('idempotency-key-required', 'posting operations require an Idempotency-Key header');
  const parsed = idempotencyKeyValue.safeParse(key);
  if (!parsed.success) throw invalid('invalid-idempotency-key', parsed.error.issues[0]?.message ?? 'invalid Idempotency-Key');
  return parsed.data;
}

/** The same operation on the same government and year with the same validated body. */
function hashOf(submission: Submission): string {
  const { operation, gov, year, command } = submission;
  return createHash('sha256').update(JSON.stringify({ operation, gov, year, command })).digest('hex');
}

/** A key seen before: the same posting id (re-enqueued while not yet decided), or 422 for another body. */
async function replay(gov: string, sub: string, key: string, requestHash: string): Promise<string | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: idempotencyKey(gov, sub, key), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  if (Item.requestHash !== requestHash) {
    throw unprocessable('idempotency-key-reused', 'this Idempotency-Key was used for a different request', { postingId: Item.postingId });
  }
  const postingId = String(Item.postingId);
  const [decided, stored] = await Promise.all([
    dynamoClient().send(new GetCommand({ TableName: tableName(), Key: resultKey(gov, postingId), ProjectionExpression: 'pk' })),
    dynamoClient().send(new GetCommand({ TableName: tableName(), Key: requestKey(gov, postingId), ConsistentRead: true })),
  ]);
  // The first attempt may have stopped between storing and enqueueing: enqueue again. The queue
  // deduplicates on the posting id for five minutes, the consumer on the posting id for ever.
  if (!decided.Item && stored.Item) await enqueue(messageOf(stored.Item));
  return postingId;
}

interface Reference {
  readonly lineId: string;
  readonly committedBy: string | undefined;
  readonly commitmentId: string | undefined;
}

/** The accepted posting a command refers to (applied or still queued): its line and committer. */
async function referenceOf(submission: Submission): Promise<Reference | undefined> {
  const { command, gov, year } = submission;
  const referencedId = command.kind === 'correct' ? command.originalPostingId : referencedDocument(command);
  if (!referencedId) return undefined;
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: requestKey(gov, referencedId), ConsistentRead: true }),
  );
  const expected = referencedKind[command.kind];
  const name = expected?.name ?? 'posting';
  if (!Item || (expected && Item.kind !== expected.kind))
    throw notFound(`${name}-not-found`, `no ${name} ${referencedId} in government ${gov}`);
  if (Item.year !== year) {
    throw unprocessable('wrong-year', `${name} ${referencedId} belongs to fiscal year ${Item.year}`, {
      rule: 'wrong-year',
      year,
      documentYear: Item.year,
    });
  }
  const referencedCommand = Item.command as PostingCommand;
  return {
    lineId: String(Item.lineId),
    committedBy: Item.committedBy as string | undefined,
    commitmentId: Item.kind === 'commit' ? referencedId : 'commitmentId' in referencedCommand ? referencedCommand.commitmentId : undefined,
  };
}

function lineOfCommand(command: PostingCommand): string {
  if (command.kind === 'commit' || command.kind === 'assess') return command.lineId;
  throw new Error(`a ${command.kind} posting names no line`);
}

/**
 * Runs the consumer's rules on the books as they stand, so a posting that cannot apply is refused
 * now (with the rule and the numbers) instead of being queued to be rejected. A reference to a
 * document still in the queue is accepted: the consumer decides once it is applied.
 */
async function precheck(message: PostingMessage, referenceAccepted: boolean): Promise<void> {
  const plan = await readAndPlan([message]);
  const outcome = plan.outcomes[0];
  if (outcome?.status !== 'rejected') return;
  const { violation } = outcome;
  const awaitingReference = referenceAccepted && (violation.rule.startsWith('unknown-') || violation.rule === 'original-not-applied');
  if (awaitingReference && violation.rule !== 'unknown-line') return;
  throw problemOf(violation);
}

function problemOf(violation: Violation) {
  if (violation.rule === 'segregation-of-duties') return forbidden(violation.rule, violation.detail, { ...violation.context });
  return unprocessable(violation.rule, violation.detail, { ...violation.context });
}

async function enqueue(message: PostingMessage): Promise<void> {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl('postings', message.gov),
      MessageBody: JSON.stringify(message),
      MessageGroupId: messageGroupId(message),
      MessageDeduplicationId: message.postingId,
    }),
  );
}

function messageOf(item: Record<string, unknown>): PostingMessage {
  return {
    postingId: String(item.postingId),
    gov: String(item.gov),
    year: Number(item.year),
    lineId: String(item.lineId),
    command: item.command as PostingCommand,
    actor: item.actor as PostingMessage['actor'],
  };
}

/** Sortable by acceptance time, unique by its random part. */
function newPostingId(): string {
  return `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`;
}
