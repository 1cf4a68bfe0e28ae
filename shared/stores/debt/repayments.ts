import type { z } from 'zod';
import { tableName } from '#shared/config/env.ts';
import { debtKey, debtPartition, debtTotalKey, entryPrefix, repaymentKey, reversalKey } from '#shared/stores/debt/keys.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { getRecord, recordOf } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import type { debtEntry } from '#shared/schemas/debt.ts';

export type DebtEntry = z.infer<typeof debtEntry>;

export const getRepayment = (gov: string, debtId: string, reference: string): Promise<DebtEntry | undefined> =>
  getRecord(repaymentKey(gov, debtId, reference));

export const getRepaymentReversal = (gov: string, debtId: string, reference: string): Promise<DebtEntry | undefined> =>
  getRecord(reversalKey(gov, debtId, reference));

/** Stores a repayment once under its reference. */
export const putRepayment = (gov: string, debtId: string, entry: DebtEntry): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...repaymentKey(gov, debtId, entry.entryId), entity: 'debt-entry', ...entry },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Stores the reversal of the repayment `reference` (at most one). */
export const putRepaymentReversal = (gov: string, debtId: string, reference: string, entry: DebtEntry): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...reversalKey(gov, debtId, reference), entity: 'debt-entry', ...entry },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * Moves a debt's outstanding by `delta` (negative for a repayment), conditional on outstanding ≥
 * amount for a repayment (so concurrent repayments can never overpay) and repaid ≥ amount for a
 * reversal.
 */
export const moveOutstanding = (gov: string, debtId: string, delta: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: debtKey(gov, debtId),
    UpdateExpression: 'ADD outstanding :delta, repaid :repaid',
    ConditionExpression: delta < 0 ? 'outstanding >= :amount' : 'repaid >= :amount',
    ExpressionAttributeValues: { ':delta': delta, ':repaid': -delta, ':amount': Math.abs(delta) },
  },
});

/** Moves the government's outstanding total with the debt. */
export const moveDebtTotal = (gov: string, delta: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: debtTotalKey(gov),
    UpdateExpression: 'ADD outstanding :delta',
    ExpressionAttributeValues: { ':delta': delta },
  },
});

export async function entriesOf(gov: string, debtId: string): Promise<DebtEntry[]> {
  const items = await queryPrefix(debtPartition(gov), entryPrefix(debtId), { ConsistentRead: true });
  const entries = items.map((item) => recordOf<DebtEntry>(item));
  return entries.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.entryId.localeCompare(b.entryId));
}

/** Every repayment and reversal of the government's debts, by debt id (one Query of the register's partition). */
export async function entriesByDebt(gov: string): Promise<Map<string, DebtEntry[]>> {
  const items = await queryPrefix(debtPartition(gov), 'ENTRY#', { ConsistentRead: true });
  const byDebt = new Map<string, DebtEntry[]>();
  for (const item of items) {
    const debtId = String(item.sk).split('#')[1] ?? '';
    byDebt.set(debtId, [...(byDebt.get(debtId) ?? []), recordOf<DebtEntry>(item)]);
  }
  return byDebt;
}
