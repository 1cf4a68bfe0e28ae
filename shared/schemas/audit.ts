import * as z from 'zod';
import { allRoles } from '#shared/auth/roles.ts';
import { isoDate, text } from '#shared/schemas/common.ts';

/** The longest period one listing may span: a fiscal year with its closing months, and then some. */
export const MAX_AUDIT_PERIOD_MONTHS = 24;

export const listAuditRecordsQuery = z.strictObject({
  from: isoDate.describe('first day of the period (inclusive), YYYY-MM-DD'),
  to: isoDate.describe('last day of the period (inclusive), YYYY-MM-DD'),
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('records per page; 100 unless given'),
  cursor: text({ max: 2048, trim: false }).optional().describe('nextCursor of the previous page, as received'),
  underException: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only the changes made under a 겸직 exception (시행령 제25조, 제46조), each with the exceptions used'),
});

const exceptionUseView = z.object({
  pair: z.string().describe('the two duties held together (collection-and-cash, finance-and-cash, claims-and-receipt, debt-and-cash)'),
  duties: z.array(z.string()),
  ground: z.string().describe('the article that allows it'),
  office: z.string().describe('the 관서 the caller acted in'),
  headcount: z.int().describe('the 관서 정원 recorded when it acted'),
  maxHeadcount: z.int().optional().describe('the 정원 limit of the exception; absent where the law gives none'),
  reason: z.string().optional().describe('the recorded reason, where the law gives no 정원 limit (지방재정법 제85조③, 제87조의2③)'),
  reference: z.string().describe('the appointment that named the official'),
});

export const auditRecordView = z.object({
  gov: z.string(),
  operation: z.string().describe('operationId of the route (or job) that made the change'),
  target: z.string().describe('what was changed'),
  subject: z.string().describe("the caller's subject id (JWT sub)"),
  role: z.enum([...allRoles, 'system']).describe('the role the caller acted in'),
  at: z.string().describe('ISO-8601 instant the request was received'),
  requestId: z.string(),
  sourceIp: z.string(),
  bodySha256: z.string().describe('SHA-256 (hex) of the raw request body'),
  exceptionUses: z.array(exceptionUseView).optional().describe('the 겸직 exceptions the caller acted under; absent when none'),
});
export type AuditRecordView = z.infer<typeof auditRecordView>;

export const auditRecordPage = z.object({
  items: z.array(auditRecordView).describe('oldest first'),
  nextCursor: z.string().optional().describe('present when more records may follow'),
});
