import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { AuditChange } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { putAccountItem, putDepartmentItem } from '#shared/stores/budget/structure.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import type { Account, Department } from '#shared/schemas/budget.ts';
import { accountKindNames } from '#shared/schemas/budget.ts';

/** One structure item and its audit record, in one transaction. */
const putAudited = (request: RequestInfo, item: TransactItem, change: AuditChange) =>
  transact({ item, audit: auditPut(tableName(), auditRecord(request, change)) });

/** 회계 and departments of a government: created or renamed by the budget office, audited. */
export async function putAccount(request: RequestInfo, account: Omit<Account, 'kindName'>): Promise<Account> {
  const item = { ...account, kindName: accountKindNames[account.kind] };
  await putAudited(request, putAccountItem(item), {
    gov: account.gov,
    operation: 'putAccount',
    target: `account ${account.gov}/${account.code}`,
  });
  return item;
}

export async function putDepartment(request: RequestInfo, department: Department): Promise<Department> {
  await putAudited(request, putDepartmentItem(department), {
    gov: department.gov,
    operation: 'putDepartment',
    target: `department ${department.gov}/${department.code}`,
  });
  return department;
}
