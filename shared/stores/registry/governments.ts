import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';
import type { Government } from '#shared/schemas/registry.ts';

/** Registry items: pk GOV#{code} / sk PROFILE; listed through gsi1 (GOVERNMENTS / {code}). */
const key = (code: string) => ({ pk: `GOV#${code}`, sk: 'PROFILE' });
const LIST_PARTITION = 'GOVERNMENTS';

export async function findGovernment(code: string): Promise<Government | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key(code) }));
  return Item ? toGovernment(Item) : undefined;
}

export async function listGovernments(): Promise<Government[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': LIST_PARTITION },
  });
  return items.map(toGovernment);
}

/** Writes the registry (idempotent: the same items every time). */
export async function putGovernments(governments: readonly Government[]): Promise<void> {
  for (let i = 0; i < governments.length; i += 25) {
    let requests = governments.slice(i, i + 25).map((g) => ({
      PutRequest: { Item: { ...key(g.code), gsi1pk: LIST_PARTITION, gsi1sk: g.code, entity: 'government', ...g } },
    }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await dynamoClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (UnprocessedItems?.[tableName()] ?? []) as typeof requests;
    }
  }
}

function toGovernment(item: Record<string, unknown>): Government {
  return {
    code: String(item.code),
    nameKo: String(item.nameKo),
    nameEn: String(item.nameEn),
    level: item.level as Government['level'],
    parentCode: (item.parentCode as string | null) ?? null,
    type: String(item.type),
  };
}
