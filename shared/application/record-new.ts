import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Writes a new record (a conditional Put that fails when its id is taken) with its audit record in
 * one transaction; `taken` is the refusal (409) when the id is in use already.
 */
export async function recordNew(
  request: RequestInfo,
  change: { readonly gov: string; readonly operation: string; readonly target: string },
  item: TransactItem,
  taken: () => Refused,
): Promise<void> {
  const outcome = await transact({ record: item, audit: auditPut(tableName(), auditRecord(request, change)) });
  if (!outcome.ok) throw taken();
}
