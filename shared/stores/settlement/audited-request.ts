import type { auditRecord } from '#shared/audit/audit-record.ts';

/** Who asked for a change, as its audit record needs it (the API's request, or a job's own). */
export type AuditedRequest = Parameters<typeof auditRecord>[0];
