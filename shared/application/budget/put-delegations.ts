import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { putDelegations } from '#shared/stores/budget/delegation.ts';
import type { Delegations } from '#shared/stores/budget/delegation.ts';
import { transact } from '#shared/stores/table/transact.ts';

/** The head sets which kinds of budget change the budget office may decide under delegation (위임전결). */
export async function setDelegations(request: RequestInfo, gov: string, delegations: Delegations) {
  await transact({
    delegations: putDelegations(gov, delegations, request.receivedAt, request.caller?.sub ?? 'anonymous'),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'putBudgetDelegations', target: `budget-delegations ${gov}` })),
  });
  return { gov, delegations };
}
