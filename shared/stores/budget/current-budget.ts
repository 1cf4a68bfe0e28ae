import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { controlPartition } from '#shared/stores/budget/control-keys.ts';
import { currentBudgetKey, currentBudgetPartition } from '#shared/stores/budget/keys.ts';
import { queryAll, queryPrefix } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * A government's 세출 예산현액 of the year as one running total (`expenditureCurrent`), so the
 * nationwide execution rate reads ≤ 243 small items, never a line:
 *   - set whole when a control sync ends (final version or 준예산), summed from the control items
 *     while the year's `syncing` lock keeps every budget change out, and marked `synced`;
 *   - moved by what changes 예산현액 between syncs: a 성립전예산 (+) and its reversal (−), and a
 *     carry-in from last year's closing (+, also counted in `carryIns`, which the sync's write is
 *     conditional on, so a closing landing during the sum makes the sum run again).
 * 이용·전용·이체·예비비 move 예산현액 between 세출 lines and leave the total; 과목경정 moves execution.
 * An item without `synced` (a carry-in or 성립전 before any sync since this total exists) is not read.
 */
export interface CurrentBudget {
  readonly expenditureCurrent: number;
  readonly carryIns: number;
}

export async function readCurrentBudget(gov: string, year: number): Promise<CurrentBudget | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: currentBudgetKey(gov, year), ConsistentRead: true }),
  );
  return Item ? { expenditureCurrent: Number(Item.expenditureCurrent ?? 0), carryIns: Number(Item.carryIns ?? 0) } : undefined;
}

/** The 예산현액 (`budget`) of every 세출 control item of the year (one Query, two attributes each). */
export async function readExpenditureBudgets(gov: string, year: number): Promise<number[]> {
  const items = await queryPrefix(controlPartition(gov, year), 'LINE#', {
    ProjectionExpression: '#kind, #budget',
    ExpressionAttributeNames: { '#kind': 'kind', '#budget': 'budget' },
    ConsistentRead: true,
  });
  return items.filter((item) => item.kind === 'expenditure').map((item) => Number(item.budget ?? 0));
}

/** Sets the total whole, unless a carry-in arrived since `seen` was read (then the write fails: sum again). */
export function putCurrentBudget(gov: string, year: number, expenditureCurrent: bigint, seen: CurrentBudget | undefined): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...currentBudgetKey(gov, year),
        entity: 'budget-current',
        gov,
        year,
        expenditureCurrent: Number(expenditureCurrent),
        carryIns: seen?.carryIns ?? 0,
        synced: true,
      },
      ConditionExpression: seen ? 'carryIns = :seen' : 'attribute_not_exists(pk)',
      ...(seen ? { ExpressionAttributeValues: { ':seen': seen.carryIns } } : {}),
    },
  };
}

/** Moves the total by `delta` in the transaction that moves a line's 예산현액 (성립전, its reversal, a carry-in). */
export function addToCurrentBudget(gov: string, year: number, delta: number, kind: 'change' | 'carry-in'): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: currentBudgetKey(gov, year),
      UpdateExpression: kind === 'carry-in' ? 'ADD expenditureCurrent :delta, carryIns :delta' : 'ADD expenditureCurrent :delta',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/** The synced totals of a year, per government (one Query of ≤ 243 items). */
export async function nationalCurrentBudgets(year: number): Promise<Map<string, bigint>> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': currentBudgetPartition(year) },
  });
  return new Map(items.filter((item) => item.synced === true).map((item) => [String(item.gov), BigInt(item.expenditureCurrent as number)]));
}
