import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { outboxPut } from '#shared/stores/execution/postings-queue.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

/** Postings of a government rejected as `posting-failed` (a fault of ours), by posting id: the gsi1 list FAILED#{gov}. */
export async function listFailedPostings(gov: string): Promise<string[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `FAILED#${gov}` },
  });
  return items.map((item) => String(item.postingId));
}

/**
 * Reopens a posting rejected as `posting-failed`, in one write: its RESULT goes (only if it is
 * still that rejection: a rule's rejection is a decision and is never reopened), an outbox marker
 * is written so that it is enqueued even if the caller stops now, and the audit record says who
 * replayed it. Nothing else was moved by that rejection, so the consumer decides it afresh.
 */
export function reopenFailedPosting(
  message: PostingMessage,
  deduplicationId: string,
  audit: AuditRecord,
): Promise<TransactOutcome<'result' | 'outbox' | 'audit'>> {
  const table = tableName();
  return transact({
    result: {
      Delete: {
        TableName: table,
        Key: resultKey(message.gov, message.postingId),
        ConditionExpression: '#reason.#rule = :failed',
        ExpressionAttributeNames: { '#reason': 'reason', '#rule': 'rule' },
        ExpressionAttributeValues: { ':failed': 'posting-failed' },
      },
    },
    outbox: outboxPut(table, message.gov, message.actor.receivedAt, message.postingId, deduplicationId),
    audit: auditPut(table, audit),
  });
}
