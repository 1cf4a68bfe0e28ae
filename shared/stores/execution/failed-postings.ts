import { auditPut } from '#shared/audit/audit-record.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { holdPending } from '#shared/stores/execution/pending-postings.ts';
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
 * Reopens a posting rejected with `rule`, in one write, so that the consumer decides it afresh: its
 * RESULT goes (only if it is still that rejection, so two replays never both reopen it), an outbox
 * marker is written so that it is enqueued even if the caller stops now, and the audit record says
 * who replayed it. Two kinds are reopened, nothing else (a rule's decision on amounts stands):
 * `posting-failed` (a fault of ours), and a refusal that only said its referenced document was not
 * applied yet (line-order-replay.ts). A `posting-failed` rejection moved nothing and kept the
 * posting pending on its 성립전 lines (posting-batch-write.ts); any other rejection took it off
 * them, so it is counted on them again here, and the reopening fails (`pending` among the failed
 * names) if such a line has been reversed meanwhile.
 */
export function reopenRejectedPosting(
  message: PostingMessage,
  rule: string,
  deduplicationId: string,
  audit: AuditRecord,
): Promise<TransactOutcome<'result' | 'outbox' | 'audit' | 'pending'>> {
  const table = tableName();
  return transact({
    result: {
      Delete: {
        TableName: table,
        Key: resultKey(message.gov, message.postingId),
        ConditionExpression: '#reason.#rule = :rule',
        ExpressionAttributeNames: { '#reason': 'reason', '#rule': 'rule' },
        ExpressionAttributeValues: { ':rule': rule },
      },
    },
    outbox: outboxPut(table, message.gov, message.actor.receivedAt, message.postingId, deduplicationId),
    audit: auditPut(table, audit),
    pending: rule === 'posting-failed' ? [] : (message.pendingOn ?? []).map((lineId) => holdPending(message.gov, message.year, lineId)),
  });
}
