import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { structureKey, structurePrefix } from '#shared/stores/budget/keys.ts';
import { transactList } from '#shared/stores/table/transact.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Account, Department } from '#shared/schemas/budget.ts';
import { accountKindNames } from '#shared/schemas/budget.ts';

/** 회계 and departments of a government: created or renamed by the budget office, audited. */
export async function putAccount(request: RequestInfo, account: Omit<Account, 'kindName'>): Promise<Account> {
  const item = { ...account, kindName: accountKindNames[account.kind] };
  await transactList([
    { Put: { TableName: tableName(), Item: { ...structureKey(account.gov, 'ACCOUNT', account.code), entity: 'account', ...item } } },
    auditPut(
      tableName(),
      auditRecord(request, { gov: account.gov, operation: 'putAccount', target: `account ${account.gov}/${account.code}` }),
    ),
  ]);
  return item;
}

export async function putDepartment(request: RequestInfo, department: Department): Promise<Department> {
  await transactList([
    {
      Put: {
        TableName: tableName(),
        Item: { ...structureKey(department.gov, 'DEPT', department.code), entity: 'department', ...department },
      },
    },
    auditPut(
      tableName(),
      auditRecord(request, { gov: department.gov, operation: 'putDepartment', target: `department ${department.gov}/${department.code}` }),
    ),
  ]);
  return department;
}

export const listAccounts = async (gov: string): Promise<Account[]> => (await listStructure(gov, 'ACCOUNT')).map(toAccount);
export const listDepartments = async (gov: string): Promise<Department[]> => (await listStructure(gov, 'DEPT')).map(toDepartment);

export async function getDepartment(gov: string, code: string): Promise<Department | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: structureKey(gov, 'DEPT', code) }));
  return Item ? toDepartment(Item) : undefined;
}

export async function getAccount(gov: string, code: string): Promise<Account | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: structureKey(gov, 'ACCOUNT', code) }));
  return Item ? toAccount(Item) : undefined;
}

const listStructure = (gov: string, kind: 'ACCOUNT' | 'DEPT') => queryPrefix(`GOV#${gov}`, structurePrefix(kind));

const toAccount = (item: Record<string, unknown>): Account => ({
  gov: String(item.gov),
  code: String(item.code),
  name: String(item.name),
  kind: item.kind as Account['kind'],
  kindName: String(item.kindName),
});

const toDepartment = (item: Record<string, unknown>): Department => ({
  gov: String(item.gov),
  code: String(item.code),
  name: String(item.name),
  parentCode: (item.parentCode as string | null | undefined) ?? null,
});
