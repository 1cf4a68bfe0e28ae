import { decodeAuditCursor, encodeAuditCursor } from '#shared/audit/audit-cursor.ts';
import type { AuditPosition } from '#shared/audit/audit-cursor.ts';
import { auditPeriod, isPeriodFault } from '#shared/audit/audit-period.ts';
import type { AuditPeriod, PeriodFault } from '#shared/audit/audit-period.ts';
import type { AuditRecord, IndexedAuditRecords } from '#shared/audit/audit-record.ts';
import { invalid } from '#shared/domain/refusal.ts';
import type { Refused } from '#shared/domain/refusal.ts';
import { readAuditRecords } from '#shared/stores/audit/audit-records.ts';
import { MAX_AUDIT_PERIOD_MONTHS } from '#shared/schemas/audit.ts';

const DEFAULT_LIMIT = 100;

export interface AuditListing {
  readonly from: string;
  readonly to: string;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
  /** 'true': only the changes made under a 겸직 exception (the per-use log of 시행령 제25조, 제46조). */
  readonly underException?: 'true' | 'false' | undefined;
}

export interface AuditRecordPage {
  readonly items: AuditRecord[];
  readonly nextCursor?: string;
}

/**
 * One page of a government's audit trail for a period, oldest first. The period and the cursor
 * are checked here (a reversed or over-long period, a cursor not issued for this period are 400s)
 * before the store reads anything; the partition always comes from the path, never the cursor.
 * `indexed`: the records behind the audit index's entries (shared/wiring/audit-trail.ts).
 */
export async function listAuditRecords(gov: string, listing: AuditListing, indexed: IndexedAuditRecords): Promise<AuditRecordPage> {
  const period = auditPeriod(listing.from, listing.to, MAX_AUDIT_PERIOD_MONTHS);
  if (isPeriodFault(period)) throw periodRefused(period, listing);
  const start = startOf(listing.cursor, period);
  const page = await readAuditRecords(gov, period, start, listing.limit ?? DEFAULT_LIMIT, {
    indexed,
    underException: listing.underException === 'true',
  });
  return { items: page.items, ...(page.next ? { nextCursor: encodeAuditCursor(page.next) } : {}) };
}

function startOf(cursor: string | undefined, period: AuditPeriod): AuditPosition {
  if (cursor === undefined) return { month: period.months[0] as string };
  const position = decodeAuditCursor(cursor, period);
  if (!position) {
    throw invalid('invalid-cursor', 'the cursor does not continue a listing of this period', [
      { path: 'query.cursor', message: 'not a cursor of this listing', code: 'invalid_cursor' },
    ]);
  }
  return position;
}

const periodRefused = (fault: PeriodFault, listing: AuditListing): Refused =>
  fault.kind === 'reversed'
    ? invalid('invalid-period', `the period starts (${listing.from}) after it ends (${listing.to})`, [
        { path: 'query.to', message: 'must not be before from', code: 'invalid_period' },
      ])
    : invalid('period-too-long', `the period spans ${fault.months} months; at most ${fault.maxMonths} per listing`, [
        { path: 'query.to', message: `at most ${fault.maxMonths} months after from`, code: 'period_too_long' },
      ]);
