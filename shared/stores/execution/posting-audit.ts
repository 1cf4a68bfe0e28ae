import { auditSortKey } from '#shared/audit/audit-record.ts';
import type { KeyedAuditRecord } from '#shared/audit/audit-record.ts';
import type { ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { acceptanceRecord, decisionRecord } from '#shared/stores/execution/posting-items.ts';
import { storedMessage } from '#shared/stores/execution/posting-requests.ts';
import { batchGet, keyOf } from '#shared/stores/table/batch-get.ts';
import type { Item } from '#shared/stores/table/query-all.ts';

/**
 * The audit records accepted postings' requests stand for (issue #21), read from the requests the
 * audit index lists (`gsi1pk AUDIT#{gov}#{yyyy-mm}`, posting-items.ts requestItem): each one's
 * acceptance, and, once the consumer applied it, its application. The application's record is the
 * RESULT, written in the consumer's transaction, created once and never updated or removed; who,
 * when and from where are the request's, as they are on the decision's record (decisionRecord). A
 * rejection keeps an audit item of its own (posting-batch-write.ts): a replay may reopen it.
 * `underException`: only the acceptances made under a 겸직 exception (an application records none).
 */
export async function postingAuditRecords(requests: readonly Item[], underException: boolean): Promise<KeyedAuditRecord[]> {
  const messages = requests.map(storedMessage);
  const applied = underException
    ? new Map<string, Item>()
    : await batchGet(messages.map((message) => resultKey(message.gov, message.postingId)));
  return requests.flatMap((request, i) => {
    const message = messages[i]!;
    const accepted = acceptanceRecord(message, {
      operation: String(request.operation),
      exceptionUses: request.exceptionUses as readonly ExceptionUse[] | undefined,
    });
    const records = [{ key: auditSortKey(accepted), record: accepted }];
    if (applied.get(keyOf(resultKey(message.gov, message.postingId)))?.status === 'applied') {
      const decided = decisionRecord(message, 'applied');
      records.push({ key: auditSortKey(decided), record: decided });
    }
    return records;
  });
}
