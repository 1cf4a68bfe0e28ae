import { governmentRead } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { auditRecordPage, listAuditRecordsQuery } from '#shared/schemas/audit.ts';
import { govParams } from '#shared/schemas/common.ts';

const tags = ['Audit'];

export const listAuditRecords = defineRoute({
  id: 'listAuditRecords',
  method: 'GET',
  path: '/governments/{gov}/audit-records',
  handler: 'audit/list-audit-records',
  summary: "The audit trail of a government's changes in a period (who, when, what, from where)",
  description:
    'Every state change writes one audit record in the same atomic write as the change; records are never updated or deleted. ' +
    'Readable by the head of the government, its council, its chief accountant and the ministry. Oldest first; paginate with nextCursor.',
  tags,
  access: governmentRead('head', 'council_member', 'chief_accountant', 'ministry'),
  params: govParams,
  query: listAuditRecordsQuery,
  response: auditRecordPage,
});
