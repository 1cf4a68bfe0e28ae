import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { koreanDate, quarterlyReportDateRefusal } from '#shared/domain/budget/deadlines.ts';
import { conflict, Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getQuarterlyReport, putQuarterlyReport } from '#shared/stores/budget/quarterly-reports.ts';
import type { QuarterlyReportRecord } from '#shared/stores/budget/quarterly-reports.ts';
import { transact } from '#shared/stores/table/transact.ts';

export interface QuarterlyReportAsked {
  readonly gov: string;
  readonly year: number;
  readonly kind: 'diversion' | 'reallocation';
  readonly quarter: number;
  readonly submittedOn: string;
  readonly reference: string;
}

/**
 * Records that the quarter's report of 전용 (지방재정법 §49③) or 이체 (§47의2②) went to the council:
 * the day it was submitted and the council's receipt reference, once per kind and quarter, with its
 * audit record. The same record again is answered as it stands; a different one is refused 409.
 */
export async function recordQuarterlyReport(
  request: RequestInfo,
  asked: QuarterlyReportAsked,
): Promise<{ readonly record: QuarterlyReportRecord; readonly replay: boolean }> {
  const { gov, year, kind, quarter, submittedOn, reference } = asked;
  const early = quarterlyReportDateRefusal(year, quarter, submittedOn, koreanDate(request.receivedAt));
  if (early) throw new Refused(early);
  const record: QuarterlyReportRecord = {
    kind,
    quarter,
    submittedOn,
    reference,
    recordedAt: request.receivedAt,
    recordedBy: request.caller?.sub ?? 'anonymous',
  };
  const outcome = await transact({
    report: putQuarterlyReport(gov, year, record),
    audit: auditPut(
      tableName(),
      auditRecord(request, { gov, operation: 'recordQuarterlyReport', target: `change-report ${gov}/${year}/${kind}/Q${quarter}` }),
    ),
  });
  if (outcome.ok) return { record, replay: false };
  const existing = await getQuarterlyReport(gov, year, kind, quarter);
  if (existing && existing.submittedOn === submittedOn && existing.reference === reference) return { record: existing, replay: true };
  throw conflict('quarterly-report-recorded', `the ${kind} report of ${year} Q${quarter} was recorded as submitted already`, {
    submittedOn: existing?.submittedOn,
    reference: existing?.reference,
  });
}
