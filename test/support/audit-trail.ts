import { auditPeriod, isPeriodFault } from '#shared/audit/audit-period.ts';
import type { AuditRecord } from '#shared/audit/audit-record.ts';
import { readAuditRecords } from '#shared/stores/audit/audit-records.ts';
import { indexedAuditRecords } from '#shared/wiring/audit-trail.ts';

/**
 * Every audit record of `gov` in the months (`yyyy-mm`) given, oldest first, as the audit listing
 * reads them: the table's audit items and the items that are their own record (accepted postings'
 * requests), page after page.
 */
export async function auditTrailOf(gov: string, months: Iterable<string>): Promise<AuditRecord[]> {
  const sorted = [...new Set(months)].sort();
  const period = auditPeriod(`${sorted[0]}-01`, `${sorted.at(-1)}-31`, 120);
  if (isPeriodFault(period)) throw new Error(`no audit period for ${sorted.join(', ')}`);
  const records: AuditRecord[] = [];
  for (let start = period.months.length > 0 ? { month: period.months[0] as string } : undefined; start; ) {
    const page = await readAuditRecords(gov, period, start, 100, { indexed: indexedAuditRecords });
    records.push(...page.items);
    start = page.next;
  }
  return records.filter((record) => sorted.includes(record.at.slice(0, 7)));
}
