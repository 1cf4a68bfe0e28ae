import { listAuditRecords } from '#shared/application/audit/list-audit-records.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listAuditRecords as route } from '#shared/routes/audit.ts';
import { indexedAuditRecords } from '#shared/wiring/audit-trail.ts';

export const handler = apiHandler(route, async ({ params, query }) => ({
  body: await listAuditRecords(params.gov, query, indexedAuditRecords),
}));
