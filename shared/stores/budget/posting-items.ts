import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { recordOf } from '#shared/stores/table/records.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * Budget's reversible postings (allotments, cash allocations, budget changes) are stored alike: one
 * item under the posting's key, written once; `reversedBy` is not stored but computed when a list
 * pairs each original with its reversal.
 */

/** A reversal's key is its original's reference plus this suffix, so a posting is reversed at most once. */
export const REVERSAL_SUFFIX = '~R';

/** What every reversible budget posting records beside its own fields. */
export interface PostingFields {
  /** Negative for a reversal. */
  readonly amount: number;
  readonly reference: string;
  readonly reverses: string | null;
  readonly reversedBy: string | null;
  /** Why a reversal was made; null on an original posting. */
  readonly reason: string | null;
  readonly at: string;
  readonly subject: string;
}

type Key = { readonly pk: string; readonly sk: string };

/** The posting as stored, without its key attributes, `reversedBy` null until a list computes it. */
export function toPosting<Posting extends { readonly reversedBy: string | null }>(item: Record<string, unknown>): Posting {
  return { reversedBy: null, ...recordOf<Record<string, unknown>>(item) } as Posting;
}

/** The posting stored under `key`, read consistently. */
export async function getPosting<Posting extends { readonly reversedBy: string | null }>(key: Key): Promise<Posting | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? toPosting<Posting>(Item) : undefined;
}

/** Stores a posting once: the put fails if a posting is stored under the key already. */
export function putPosting(key: Key, entity: string, posting: { readonly reversedBy: string | null }): TransactItem {
  const { reversedBy: _computed, ...stored } = posting;
  return { Put: { TableName: tableName(), Item: { ...key, entity, ...stored }, ConditionExpression: 'attribute_not_exists(pk)' } };
}
