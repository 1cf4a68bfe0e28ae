import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { documentKey } from '#shared/stores/execution/posting-keys.ts';

/**
 * What the treasury bank has paid on each of the given payment orders (posting id → won; an order not
 * applied, or not paid, is 0): the `paid` counter of the order's document. Consistent reads, in
 * parallel: a contract names a handful of orders.
 */
export async function readOrderPayments(gov: string, orderIds: readonly string[]): Promise<Record<string, number>> {
  const paid = await Promise.all(
    [...new Set(orderIds)].map(async (orderId) => {
      const { Item } = await dynamoClient().send(
        new GetCommand({ TableName: tableName(), Key: documentKey(gov, orderId), ConsistentRead: true, ProjectionExpression: 'paid' }),
      );
      return [orderId, Number(Item?.paid ?? 0)] as const;
    }),
  );
  return Object.fromEntries(paid);
}
