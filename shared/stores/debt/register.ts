import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { debtKey, debtPartition, debtTotalKey } from '#shared/stores/debt/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import type { debt, issueDebtBody } from '#shared/schemas/debt.ts';

export type DebtRecord = z.infer<typeof debt>;
export type IssueDebtInput = z.infer<typeof issueDebtBody>;

export const debtTarget = (gov: string, debtId: string): string => `debt ${gov}/${debtId}`;

/** Puts a new debt into the register; fails if the government has a debt of that id already. */
export const putNewDebt = (record: DebtRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...debtKey(record.gov, record.debtId), entity: 'debt', ...record },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Adds a new debt to the government's outstanding total (the nationwide view reads these). */
export const addToDebtTotal = (gov: string, principal: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: debtTotalKey(gov),
    UpdateExpression: 'SET entity = :entity, gov = :gov ADD outstanding :principal, debts :one',
    ExpressionAttributeValues: { ':entity': 'debt-total', ':gov': gov, ':principal': principal, ':one': 1 },
  },
});

export async function getDebt(gov: string, debtId: string): Promise<DebtRecord | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: debtKey(gov, debtId), ConsistentRead: true }));
  return Item ? toDebt(Item) : undefined;
}

export async function listDebts(gov: string): Promise<DebtRecord[]> {
  return (await queryPrefix(debtPartition(gov), 'DEBT#', { ConsistentRead: true })).map(toDebt);
}

function toDebt(item: Record<string, unknown>): DebtRecord {
  const { pk: _pk, sk: _sk, entity: _entity, ...record } = item;
  return record as DebtRecord;
}
