import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { CarryIns } from '#shared/domain/budget/control-sync.ts';
import { settlementPartition } from '#shared/repositories/settlement-keys.ts';

/** The carry-ins (이월) into a year per line id, as the previous year's closing recorded them. */
export async function readCarryIns(gov: string, year: number): Promise<CarryIns> {
  const carryIns = new Map<string, number>();
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': settlementPartition(gov, year), ':prefix': 'CARRYIN#' },
        ProjectionExpression: 'lineId, amount',
        ConsistentRead: true,
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) carryIns.set(String(item.lineId), (carryIns.get(String(item.lineId)) ?? 0) + Number(item.amount));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return carryIns;
}
