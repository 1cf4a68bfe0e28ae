import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { AdvanceRecordLimit, PostingCommand, PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import { requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';
import { requestItem } from '#shared/stores/execution/posting-items.ts';
import type { AcceptanceAudit } from '#shared/stores/execution/posting-items.ts';
import { holdPending } from '#shared/stores/execution/pending-postings.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem, TransactOutcome } from '#shared/stores/table/transact.ts';

/** An accepted posting as stored (applied, rejected or still queued): the REQUEST item. */
export interface StoredRequest {
  readonly kind: PostingKind;
  readonly year: number;
  readonly lineId: string;
  readonly command: PostingCommand;
  /** Who made the commitment of the chain (set on commitments and on the postings that follow one). */
  readonly committedBy: string | undefined;
  /** SHA-256 of the request as accepted: a retry with the same Idempotency-Key must carry the same one. */
  readonly requestHash: string;
  readonly message: PostingMessage;
}

export async function readPostingRequest(gov: string, postingId: string): Promise<StoredRequest | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: requestKey(gov, postingId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const message = storedMessage(Item);
  return {
    kind: Item.kind as PostingKind,
    year: Number(Item.year),
    lineId: message.lineId,
    command: message.command,
    committedBy: Item.committedBy as string | undefined,
    requestHash: String(Item.requestHash),
    message,
  };
}

/** The queue message a REQUEST item holds. */
export function storedMessage(item: Record<string, unknown>): PostingMessage {
  return {
    postingId: String(item.postingId),
    gov: String(item.gov),
    year: Number(item.year),
    lineId: String(item.lineId),
    command: item.command as PostingCommand,
    actor: item.actor as PostingMessage['actor'],
    ...(item.pendingOn === undefined ? {} : { pendingOn: item.pendingOn as string[] }),
    ...(item.advanceRecord === undefined ? {} : { advanceRecord: item.advanceRecord as AdvanceRecordLimit }),
  };
}

/** Whether the consumer has decided the posting (applied or rejected): its result item exists. */
export async function isPostingDecided(gov: string, postingId: string): Promise<boolean> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: resultKey(gov, postingId), ProjectionExpression: 'pk' }),
  );
  return Item !== undefined;
}

export interface Acceptance {
  readonly message: PostingMessage;
  readonly requestHash: string;
  readonly committedBy: string | undefined;
  /**
   * Accepting a posting is itself a change (the request is on record, the key is taken): the request
   * is its audit record (posting-items.ts requestItem). Applying it is recorded again: by the RESULT,
   * or by an audit item for a rejection (posting-batch-write.ts).
   */
  readonly acceptance: AcceptanceAudit;
  /** A conditional item of another context written with the acceptance (a contract's order link: submit-posting.ts). */
  readonly contractLink?: TransactItem | undefined;
}

/**
 * Stores the request, which is also the audit record of its acceptance and its outbox (the sweep
 * sends the accepted postings it finds undecided, accepted-postings.ts), with its count on the 성립전
 * lines it is pending on (pending-postings.ts; fails as `pending` once such a line's reversal removed
 * it) and a contract's order link, all in one conditional write: one PutItem when the request is all
 * there is (a request ≤ 1 KB: 1 write unit and 1 for its index entry, which projects the whole item;
 * a transaction of two items took 4), a
 * TransactWriteItems otherwise. The posting id is derived from the subject and the Idempotency-Key
 * (posting-keys.ts postingIdOf), so the request's `attribute_not_exists` is the key's check: fails
 * (`request` among the failed names) when the key is taken already.
 */
export async function storeAcceptedPosting(acceptance: Acceptance): Promise<TransactOutcome<'request' | 'contractLink' | 'pending'>> {
  const { message, requestHash, committedBy, contractLink } = acceptance;
  const table = tableName();
  const request = {
    Put: {
      TableName: table,
      Item: requestItem(message, { committedBy, requestHash, acceptance: acceptance.acceptance }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  const pendingOn = message.pendingOn ?? [];
  if (!contractLink && pendingOn.length === 0)
    return (await putIfAbsent(request.Put)) ? { ok: true } : { ok: false, failed: new Set(['request']) };
  return transact({
    request,
    contractLink: contractLink ? [contractLink] : [],
    pending: pendingOn.map((lineId) => holdPending(message.gov, message.year, lineId)),
  });
}

/** One conditional Put: false when its condition failed (the key is taken). */
async function putIfAbsent(put: PutCommandInput): Promise<boolean> {
  try {
    await dynamoClient().send(new PutCommand(put));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
