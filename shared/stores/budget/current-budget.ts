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
 *
 * Beside the total, the same amounts per 회계 (`current#{회계}`) and, set by the sync, the codes of the
 * government's 기금 (`fundAccounts`), so the nationwide rate keeps the 기금 apart (budget-scope.ts,
 * 지방재정법 §34③) without reading any government's 회계. A total synced before the per-회계 amounts
 * existed reads as one amount of 회계 '' (never a 기금) until its next sync.
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

/** The 예산현액 (`budget`) of every 세출 control item of the year, summed per 회계 (one Query, three attributes each). */
export async function readExpenditureBudgets(gov: string, year: number): Promise<Map<string, bigint>> {
  const items = await queryPrefix(controlPartition(gov, year), 'LINE#', {
    ProjectionExpression: '#kind, #budget, #fund',
    ExpressionAttributeNames: { '#kind': 'kind', '#budget': 'budget', '#fund': 'fund' },
    ConsistentRead: true,
  });
  const byAccount = new Map<string, bigint>();
  for (const item of items.filter((item) => item.kind === 'expenditure')) {
    const fund = String(item.fund ?? '');
    byAccount.set(fund, (byAccount.get(fund) ?? 0n) + BigInt(Number(item.budget ?? 0)));
  }
  return byAccount;
}

const perAccount = (fund: string): string => `current#${fund}`;

/**
 * Sets the total whole, per 회계, with the government's 기금 codes, unless a carry-in arrived since
 * `seen` was read (then the write fails: sum again).
 */
export function putCurrentBudget(
  gov: string,
  year: number,
  byAccount: ReadonlyMap<string, bigint>,
  fundAccounts: Iterable<string>,
  seen: CurrentBudget | undefined,
): TransactItem {
  const total = [...byAccount.values()].reduce((sum, amount) => sum + amount, 0n);
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...currentBudgetKey(gov, year),
        entity: 'budget-current',
        gov,
        year,
        expenditureCurrent: Number(total),
        ...Object.fromEntries([...byAccount].map(([fund, amount]) => [perAccount(fund), Number(amount)])),
        fundAccounts: [...fundAccounts].sort(),
        carryIns: seen?.carryIns ?? 0,
        synced: true,
      },
      ConditionExpression: seen ? 'carryIns = :seen' : 'attribute_not_exists(pk)',
      ...(seen ? { ExpressionAttributeValues: { ':seen': seen.carryIns } } : {}),
    },
  };
}

/**
 * Moves the total and the line's 회계 (`fund`) by `delta` in the transaction that moves a line's
 * 예산현액 (성립전, its reversal, a carry-in).
 */
export function addToCurrentBudget(gov: string, year: number, fund: string, delta: number, kind: 'change' | 'carry-in'): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: currentBudgetKey(gov, year),
      UpdateExpression: `ADD expenditureCurrent :delta, #account :delta${kind === 'carry-in' ? ', carryIns :delta' : ''}`,
      ExpressionAttributeNames: { '#account': perAccount(fund) },
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/** A government's synced 세출 예산현액 per 회계, and which of its 회계 are 기금. */
export interface ScopedCurrentBudget {
  readonly byAccount: ReadonlyMap<string, bigint>;
  readonly fundAccounts: ReadonlySet<string>;
}

/** The synced totals of a year, per government (one Query of ≤ 243 items). */
export async function nationalCurrentBudgets(year: number): Promise<Map<string, ScopedCurrentBudget>> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': currentBudgetPartition(year) },
  });
  return new Map(items.filter((item) => item.synced === true).map((item) => [String(item.gov), scopedOf(item)]));
}

function scopedOf(item: Record<string, unknown>): ScopedCurrentBudget {
  const byAccount = new Map<string, bigint>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith('current#')) byAccount.set(name.slice('current#'.length), BigInt(value as number));
  }
  // synced before the per-회계 amounts existed: the whole total, of no 기금
  if (!Array.isArray(item.fundAccounts))
    return { byAccount: new Map([['', BigInt(item.expenditureCurrent as number)]]), fundAccounts: new Set() };
  return { byAccount, fundAccounts: new Set(item.fundAccounts.map(String)) };
}
