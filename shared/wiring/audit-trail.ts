import type { AuditPosition } from '#shared/audit/audit-cursor.ts';
import type { AuditPeriod } from '#shared/audit/audit-period.ts';
import { readAuditRecords } from '#shared/stores/audit/audit-records.ts';
import type { AuditPage } from '#shared/stores/audit/audit-records.ts';
import { postingAuditRecords } from '#shared/stores/execution/posting-audit.ts';

/**
 * A government's audit trail: the audit items, and the records accepted postings' requests stand
 * for (issue #21: an acceptance and an application write no audit item of their own). The audit
 * context never imports execution's stores, nor execution the audit's, so the listing and the
 * document-ledger backfill read the trail through this join.
 */
export function readAuditTrail(
  gov: string,
  period: AuditPeriod,
  start: AuditPosition,
  limit: number,
  underException = false,
): Promise<AuditPage> {
  return readAuditRecords(gov, period, start, limit, { indexed: postingAuditRecords, underException });
}
