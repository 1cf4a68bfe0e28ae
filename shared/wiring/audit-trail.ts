import type { IndexedAuditRecords } from '#shared/audit/audit-record.ts';
import { postingAuditRecords } from '#shared/stores/execution/posting-audit.ts';

/**
 * The records behind the audit index's entries (issue #21): accepted postings' requests stand for
 * their acceptance and, once applied, their application. The audit context never imports execution's
 * stores, so the listing's handler passes this to the use case (the ledger backfill, in execution,
 * reads its own store).
 */
export const indexedAuditRecords: IndexedAuditRecords = postingAuditRecords;
