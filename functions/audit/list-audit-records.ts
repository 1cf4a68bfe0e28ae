import { decodeAuditCursor, encodeAuditCursor } from '#shared/audit/audit-cursor.ts';
import { auditPeriod, isPeriodFault } from '#shared/audit/audit-period.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { invalid } from '#shared/domain/refusal.ts';
import { readAuditRecords } from '#shared/stores/audit/audit-records.ts';
import { listAuditRecords } from '#shared/routes/audit.ts';
import { MAX_AUDIT_PERIOD_MONTHS } from '#shared/schemas/audit.ts';

const DEFAULT_LIMIT = 100;

export const handler = apiHandler(listAuditRecords, async ({ params, query }) => {
  const period = auditPeriod(query.from, query.to, MAX_AUDIT_PERIOD_MONTHS);
  if (isPeriodFault(period)) {
    throw period.kind === 'reversed'
      ? invalid('invalid-period', `the period starts (${query.from}) after it ends (${query.to})`, [
          { path: 'query.to', message: 'must not be before from', code: 'invalid_period' },
        ])
      : invalid('period-too-long', `the period spans ${period.months} months; at most ${period.maxMonths} per listing`, [
          { path: 'query.to', message: `at most ${period.maxMonths} months after from`, code: 'period_too_long' },
        ]);
  }
  const start = query.cursor === undefined ? { month: period.months[0] as string } : decodeAuditCursor(query.cursor, period);
  if (!start) {
    throw invalid('invalid-cursor', 'the cursor does not continue a listing of this period', [
      { path: 'query.cursor', message: 'not a cursor of this listing', code: 'invalid_cursor' },
    ]);
  }
  const page = await readAuditRecords(params.gov, period, start, query.limit ?? DEFAULT_LIMIT);
  return { body: { items: page.items, ...(page.next ? { nextCursor: encodeAuditCursor(page.next) } : {}) } };
});
