import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Acquisition } from '#shared/domain/execution/acquisitions.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Acquisitions of finished tangible assets (shared/domain/execution/acquisitions.ts), written by the
 * postings consumer in the batch's transaction, read by the 결산정리 that registers them:
 *
 *   pk ACQUISITIONS#{gov}#{year}   sk ACQ#{postingId}    one per 지출결의 (or correction) that moves such an asset
 *   pk ACQUISITIONS#{gov}#{year}   sk VERSION            `version`: raised by every transaction that writes acquisitions
 *
 * A Put of fixed content keyed by posting id (a redelivered batch writes the same item; the RESULT
 * item's condition keeps the batch exactly once). The partition grows with the year's asset purchases
 * only, never with the other postings. The version item lets the 결산정리 that registers the purchases
 * write its plan only if no acquisition landed since it read them (acquisitionsUnchanged).
 */
export const acquisitionKey = (a: Pick<Acquisition, 'gov' | 'year' | 'postingId'>) => ({
  pk: `ACQUISITIONS#${a.gov}#${a.year}`,
  sk: `ACQ#${a.postingId}`,
});

export const acquisitionItem = (a: Acquisition): Record<string, unknown> => ({
  ...acquisitionKey(a),
  entity: 'asset-acquisition',
  ...a,
});

export async function readAcquisitions(gov: string, year: number): Promise<Acquisition[]> {
  const items = await queryPrefix(`ACQUISITIONS#${gov}#${year}`, 'ACQ#', { ConsistentRead: true });
  return items.map((item) => ({
    gov,
    year,
    postingId: String(item.postingId),
    fund: String(item.fund),
    lineId: String(item.lineId),
    account: String(item.account),
    amount: Number(item.amount),
    date: String(item.date),
    structureType: item.structureType === '행정운영경비' ? '행정운영경비' : '정책사업',
    ...(item.function ? { function: String(item.function) } : {}),
    ...(item.usefulLifeYears ? { usefulLifeYears: Number(item.usefulLifeYears) } : {}),
    ...(item.reverses ? { reverses: String(item.reverses) } : {}),
  }));
}

const versionKey = (gov: string, year: number) => ({ pk: `ACQUISITIONS#${gov}#${year}`, sk: 'VERSION' });

/** Raises the version of the year's acquisitions: in every transaction that writes some (`count` of them). */
export const acquisitionsWritten = (gov: string, year: number, count: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: versionKey(gov, year),
    UpdateExpression: 'SET entity = :entity ADD version :count',
    ExpressionAttributeValues: { ':entity': 'asset-acquisitions-version', ':count': count },
  },
});

/** The version of the year's acquisitions (0: none written yet); read before the acquisitions themselves. */
export async function readAcquisitionsVersion(gov: string, year: number): Promise<number> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: versionKey(gov, year), ConsistentRead: true }));
  return Number(Item?.version ?? 0);
}

/** A condition that no acquisition of the year was written since `version` was read. */
export const acquisitionsUnchanged = (gov: string, year: number, version: number): TransactItem => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: versionKey(gov, year),
    ConditionExpression: version === 0 ? 'attribute_not_exists(version)' : 'version = :version',
    ...(version === 0 ? {} : { ExpressionAttributeValues: { ':version': version } }),
  },
});
