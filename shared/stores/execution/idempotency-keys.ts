import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { idempotencyKey } from '#shared/stores/execution/posting-keys.ts';

/** An Idempotency-Key taken by an accepted posting: its posting id and the hash of its request. */
export interface TakenKey {
  readonly postingId: string;
  readonly requestHash: string;
}

export async function readIdempotencyKey(gov: string, sub: string, key: string): Promise<TakenKey | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: idempotencyKey(gov, sub, key), ConsistentRead: true }),
  );
  return Item ? { postingId: String(Item.postingId), requestHash: String(Item.requestHash) } : undefined;
}
