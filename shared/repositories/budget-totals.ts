import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { sumWon } from '#shared/domain/budget/totals.ts';
import { totalsPartition } from '#shared/repositories/budget-keys.ts';

/**
 * The nationwide total of a year: one item per government with a final budget (updated in the
 * finalising write), so the sum reads at most 243 small items and never a line.
 */
export async function nationalTotal(year: number) {
  const items: { gov: string; version: number; expenditureTotal: string; revenueTotal: string }[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': totalsPartition(year) },
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) {
      items.push({
        gov: String(item.gov),
        version: Number(item.version),
        expenditureTotal: String(item.expenditureTotal),
        revenueTotal: String(item.revenueTotal),
      });
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return {
    year,
    governments: items.length,
    expenditureTotal: sumWon(items.map((item) => item.expenditureTotal)),
    revenueTotal: sumWon(items.map((item) => item.revenueTotal)),
    items,
  };
}
