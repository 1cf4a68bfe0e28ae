import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { pendingPostingsKey } from '#shared/stores/budget/control-keys.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * The budget side of the count of postings accepted on a 성립전 line and not yet decided
 * (control-keys.ts pendingPostingsKey; the execution side, which moves the count, is
 * stores/execution/pending-postings.ts).
 */
export async function readPendingPostings(gov: string, year: number, lineId: string): Promise<number> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: pendingPostingsKey(gov, year, lineId), ConsistentRead: true }),
  );
  return Number(Item?.pending ?? 0);
}

/**
 * The reversal's mark, written with the removal of the line: only while no accepted posting is
 * pending on it; from then on an acceptance on the line fails (the line is gone).
 */
export function closePendingPostings(gov: string, year: number, lineId: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: pendingPostingsKey(gov, year, lineId),
      UpdateExpression: 'SET removedAt = :at',
      ConditionExpression: 'attribute_not_exists(pending) OR pending = :zero',
      ExpressionAttributeValues: { ':at': at, ':zero': 0 },
    },
  };
}

/**
 * A 성립전예산 creating the line (again, after a reversal of an earlier one): the old mark goes, so
 * postings are accepted on it (an update, not a delete: this handler removes nothing).
 */
export function openPendingPostings(gov: string, year: number, lineId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: pendingPostingsKey(gov, year, lineId),
      UpdateExpression: 'SET pending = if_not_exists(pending, :zero) REMOVE removedAt',
      ExpressionAttributeValues: { ':zero': 0 },
    },
  };
}
