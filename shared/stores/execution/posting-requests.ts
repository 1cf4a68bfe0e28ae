import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { AdvanceRecordLimit, PostingCommand, PostingKind, PostingMessage } from '#shared/domain/execution/posting.ts';
import { requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';
import { requestItem } from '#shared/stores/execution/posting-items.ts';
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
  /** Accepting a posting is itself a change (the request is on record, the key is taken); the consumer audits applying it again. */
  readonly audit: AuditRecord;
  /** A conditional item of another context written with the acceptance (a contract's order link: submit-posting.ts). */
  readonly contractLink?: TransactItem | undefined;
}

/**
 * Stores the request, its audit record (which is also its outbox: the sweep sends the accepted
 * postings it finds undecided, accepted-postings.ts) and its count on the 성립전 lines it is
 * pending on (pending-postings.ts;
 * fails as `pending` once such a line's reversal removed it) in one conditional write. The posting id is derived from the subject and the
 * Idempotency-Key (posting-keys.ts postingIdOf), so the request's `attribute_not_exists` is the
 * key's check: fails (`request` among the failed names) when the key is taken already.
 */
export async function storeAcceptedPosting(
  acceptance: Acceptance,
): Promise<TransactOutcome<'request' | 'audit' | 'contractLink' | 'pending'>> {
  const { message, requestHash, committedBy, audit, contractLink } = acceptance;
  const table = tableName();
  return transact({
    request: {
      Put: { TableName: table, Item: requestItem(message, { committedBy, requestHash }), ConditionExpression: 'attribute_not_exists(pk)' },
    },
    audit: auditPut(table, audit),
    contractLink: contractLink ? [contractLink] : [],
    pending: (message.pendingOn ?? []).map((lineId) => holdPending(message.gov, message.year, lineId)),
  });
}
