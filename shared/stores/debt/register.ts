import type { z } from 'zod';
import { tableName } from '#shared/config/env.ts';
import { debtKey, debtPartition, debtTotalKey } from '#shared/stores/debt/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { getRecord, recordOf } from '#shared/stores/table/records.ts';
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

export const getDebt = (gov: string, debtId: string): Promise<DebtRecord | undefined> => getRecord(debtKey(gov, debtId));

export async function listDebts(gov: string): Promise<DebtRecord[]> {
  return (await queryPrefix(debtPartition(gov), 'DEBT#', { ConsistentRead: true })).map((item) => recordOf<DebtRecord>(item));
}
