import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { StoredLineControl } from '#shared/stores/budget/controls.ts';
import { lineControlKey } from '#shared/stores/budget/control-keys.ts';
import { allotmentKey, allotmentPartition, yearKey } from '#shared/stores/budget/keys.ts';
import type { PostingFields } from '#shared/stores/budget/posting-items.ts';
import { getPosting, putPosting, toPosting } from '#shared/stores/budget/posting-items.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

export interface Allotment extends PostingFields {
  readonly allotmentId: string;
  readonly gov: string;
  readonly year: number;
  readonly lineId: string;
  readonly quarter: number;
  readonly kind: 'regular' | 'early' | 'reversal';
  readonly allotted: number;
  readonly budget: number;
}

export { REVERSAL_SUFFIX } from '#shared/stores/budget/posting-items.ts';

/** The allotment stored under a line and reference (a reversal under its original's reference + suffix). */
export function getAllotment(gov: string, year: number, lineId: string, reference: string): Promise<Allotment | undefined> {
  return getPosting<Allotment>(allotmentKey(gov, year, lineId, reference));
}

/** All postings of a line, oldest reference first, each original marked with its reversal. */
export async function lineAllotments(gov: string, year: number, lineId: string): Promise<Allotment[]> {
  const { Items } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': allotmentPartition(gov, year), ':prefix': `${lineId}#` },
      ConsistentRead: true,
    }),
  );
  const postings = (Items ?? []).map((item) => toPosting<Allotment>(item));
  const reversals = new Map(postings.filter((p) => p.reverses).map((p) => [p.reverses, p.allotmentId]));
  return postings.map((p) => ({ ...p, reversedBy: reversals.get(p.allotmentId) ?? null })).sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Moves `allotted` only if the numbers its limit was checked against are unchanged, and counts the
 * allotment postings on the line (`allotmentPostings`, reversals too): records that name the line,
 * which a 성립전예산's reversal must not orphan (changes.ts removeCreatedControl).
 */
export function moveAllotted(gov: string, year: number, control: StoredLineControl, delta: number): TransactItem {
  const guard =
    delta > 0 ? { budget: control.budget, allotted: control.allotted } : { allotted: control.allotted, committed: control.committed };
  return {
    Update: {
      TableName: tableName(),
      Key: lineControlKey(gov, year, control.lineId),
      UpdateExpression: 'SET allotted = allotted + :delta ADD allotmentPostings :one',
      ConditionExpression: Object.keys(guard)
        .map((name) => `${name} = :${name}`)
        .join(' AND '),
      ExpressionAttributeValues: {
        ':delta': delta,
        ':one': 1,
        ...Object.fromEntries(Object.entries(guard).map(([name, value]) => [`:${name}`, value])),
      },
    },
  };
}

/** Stores a posting once: the put fails if the line already has a posting under the reference. */
export const putAllotment = (gov: string, year: number, reference: string, allotment: Allotment): TransactItem =>
  putPosting(allotmentKey(gov, year, allotment.lineId, reference), 'allotment', allotment);

/** Fails while the year's control items are being written for a new final budget. */
export const notSyncing = (gov: string, year: number): TransactItem => ({
  ConditionCheck: { TableName: tableName(), Key: yearKey(gov, year), ConditionExpression: 'attribute_not_exists(syncing)' },
});
