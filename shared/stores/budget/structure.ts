import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { structureKey, structurePrefix } from '#shared/stores/budget/keys.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { Account, Department } from '#shared/schemas/budget.ts';

/** Puts a 회계 (created or renamed). */
export const putAccountItem = (account: Account): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...structureKey(account.gov, 'ACCOUNT', account.code), entity: 'account', ...account } },
});

/** Puts a department (created, renamed or moved). */
export const putDepartmentItem = (department: Department): TransactItem => ({
  Put: { TableName: tableName(), Item: { ...structureKey(department.gov, 'DEPT', department.code), entity: 'department', ...department } },
});

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
