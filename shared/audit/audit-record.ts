import type { Role } from '#shared/auth/roles.ts';
import type { ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';

/**
 * An audit record: who did what, when, from where, on whose authority. Written in the same
 * atomic DynamoDB write as the change it records (a Put with attribute_not_exists, so it can
 * never be overwritten), never updated or deleted.
 *
 * Keys: pk AUDIT#{gov}#{yyyy-mm}, sk {receivedAt}#{requestId}#{operation}#{target}; one partition per
 * government and month keeps the per-partition write rate far below DynamoDB's limit and makes
 * "this government, this period" a single Query. Two changes are their own record (issue #21): accepting
 * a posting stores its request, which carries who, when and from where, listed under the same keys in
 * the table's index (auditIndexKey) instead of a second item beside it, and applying it creates its
 * RESULT, listed from the request (shared/stores/execution/posting-audit.ts). Neither ever has the
 * fields of its record changed (a carry-forward moves a request to the next year's line, and is
 * audited itself).
 */
export interface AuditRecord {
  readonly gov: string;
  readonly operation: string;
  /** What was changed, e.g. "budget-version 11000/2026/1" or "posting p-…". */
  readonly target: string;
  readonly subject: string;
  readonly role: Role | 'system';
  readonly at: string;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly bodySha256: string;
  /**
   * The 겸직 exceptions the caller acted under (시행령 제25조, 제46조): the per-use log the law's exceptions
   * need, written with the change it allowed. Absent when none was used.
   */
  readonly exceptionUses?: readonly ExceptionUse[];
}

/** An audit record with its place in its month's partition (auditSortKey). */
export interface KeyedAuditRecord {
  readonly key: string;
  readonly record: AuditRecord;
}

/**
 * The audit records that items listed in the audit index stand for (`gsi1pk AUDIT#{gov}#{yyyy-mm}`):
 * each keyed under the item's own `{at}#{requestId}#`, before or after the item's key by operation.
 * Supplied by the context whose items they are (shared/wiring/audit-trail.ts).
 */
export type IndexedAuditRecords = (items: readonly Record<string, unknown>[], underException: boolean) => Promise<KeyedAuditRecord[]>;

export interface AuditChange {
  readonly gov: string;
  readonly operation: string;
  readonly target: string;
}

export const auditPartition = (gov: string, month: string): string => `AUDIT#${gov}#${month}`;

/** A record's place in its month's partition: its instant first, so a partition reads in time order. */
export const auditSortKey = (record: Pick<AuditRecord, 'at' | 'requestId' | 'operation' | 'target'>): string =>
  `${record.at}#${record.requestId}#${record.operation}#${record.target}`;

/**
 * The index keys (gsi1) of an item that is itself the audit record of its change: an accepted
 * posting's request (issue #21), which holds who, when, from where and what in one item written
 * once. The audit trail lists the index's `AUDIT#{gov}#{yyyy-mm}` beside the table's partition of
 * the same name, in the same sort-key order (shared/stores/audit/audit-records.ts).
 */
export const auditIndexKey = (record: AuditRecord) => ({
  gsi1pk: auditPartition(record.gov, record.at.slice(0, 7)),
  gsi1sk: auditSortKey(record),
});

export function auditRecord(request: RequestInfo, change: AuditChange): AuditRecord {
  return {
    ...change,
    subject: request.caller?.sub ?? 'anonymous',
    role: request.actingRole ?? 'system',
    at: request.receivedAt,
    requestId: request.requestId,
    sourceIp: request.sourceIp,
    bodySha256: request.bodySha256,
    ...(request.exceptionUses?.length ? { exceptionUses: request.exceptionUses } : {}),
  };
}

/**
 * The TransactWriteItems action (lib-dynamodb form) that stores the record with the change.
 * `decidedAt`: for a record the same request can come to again (a posting rejected again after an
 * operator's replay reopened it), the time of this decision, which keeps each one its own key.
 */
export function auditPut(tableName: string, record: AuditRecord, decidedAt?: string) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: auditPartition(record.gov, record.at.slice(0, 7)),
        sk: decidedAt === undefined ? auditSortKey(record) : `${auditSortKey(record)}#${decidedAt}`,
        entity: 'audit',
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
