import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { nationalTotal } from '#shared/stores/budget/totals.ts';
import { totalsKey } from '#shared/stores/budget/keys.ts';
import { DEBT_TOTALS_PARTITION, debtTotalKey } from '#shared/stores/debt/keys.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/**
 * The two figures of the debt ratio: a government's outstanding debt now (its DEBTTOTALS item,
 * moved in the same write as every issue, repayment and reversal) and the final budget total of
 * the year (the budget module's per-government total, written when a version becomes final).
 */
export async function outstandingOf(gov: string): Promise<bigint> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: debtTotalKey(gov), ConsistentRead: true }));
  return BigInt(Number(Item?.outstanding ?? 0));
}

export async function finalBudgetTotal(gov: string, year: number): Promise<bigint | null> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: totalsKey(gov, year), ConsistentRead: true }));
  return Item ? BigInt(String(Item.expenditureTotal)) : null;
}

/** Every government's outstanding debt (one Query of at most 243 small items). */
export async function outstandingByGovernment(): Promise<Map<string, bigint>> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': DEBT_TOTALS_PARTITION } });
  return new Map(items.map((item) => [String(item.gov), BigInt(Number(item.outstanding ?? 0))]));
}

export async function budgetTotalsByGovernment(year: number): Promise<Map<string, bigint>> {
  const { items } = await nationalTotal(year);
  return new Map(items.map((item) => [item.gov, BigInt(item.expenditureTotal)]));
}
