import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { batchGet, keyOf } from '#shared/stores/table/batch-get.ts';
import type { TableKey } from '#shared/stores/table/batch-get.ts';
import type { Item } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import { requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';

/**
 * What the document-ledger backfill reads and writes (application/execution/backfill-ledger.ts).
 *
 *   pk LEDGERBACKFILL#{gov}#{year}   sk PROGRESS   where the backfill of a government-year stands:
 *                                                  the audit month and the last audit record read,
 *                                                  and the lease of the call running it (leaseHolder, leaseUntil)
 *
 * Postings are found through the audit trail (per government and month, `posting.{kind}.applied` with
 * target `posting {id}` for every applied posting: an audit item before issue #21, the RESULT listed
 * from its request since), never a scan.
 */
export interface BackfillProgress {
  /** The audit month being read (yyyy-mm); undefined before the first page. */
  readonly month?: string | undefined;
  /** The sort key of the last audit record read in `month`. */
  readonly after?: string | undefined;
  /** Postings indexed so far (over every call). */
  readonly indexed: number;
  readonly done: boolean;
}

const progressKey = (gov: string, year: number) => ({ pk: `LEDGERBACKFILL#${gov}#${year}`, sk: 'PROGRESS' });

export async function readBackfillProgress(gov: string, year: number): Promise<BackfillProgress> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: progressKey(gov, year), ConsistentRead: true }));
  return Item
    ? {
        month: Item.month as string | undefined,
        after: Item.after as string | undefined,
        indexed: Number(Item.indexed ?? 0),
        done: Item.done === true,
      }
    : { indexed: 0, done: false };
}

/**
 * How long one backfill call holds the government-year: longer than an API call can run (API
 * Gateway answers within 29 s), so a call that died frees it within a minute.
 */
export const BACKFILL_LEASE_MS = 60_000;

/**
 * Takes the government-year's backfill for one call (`holder`: its request id): a conditional
 * update of the progress item that succeeds when no call holds it or the last one's lease ran out.
 * False when another call is running: two calls never read and write the same progress at once.
 */
export async function takeBackfillLease(gov: string, year: number, holder: string, at: Date): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: progressKey(gov, year),
        UpdateExpression: 'SET #holder = :holder, #until = :until, #entity = :entity, #gov = :gov, #year = :year',
        ConditionExpression: 'attribute_not_exists(#until) OR #until < :now',
        ExpressionAttributeNames: { '#holder': 'leaseHolder', '#until': 'leaseUntil', '#entity': 'entity', '#gov': 'gov', '#year': 'year' },
        ExpressionAttributeValues: {
          ':holder': holder,
          ':until': at.getTime() + BACKFILL_LEASE_MS,
          ':now': at.getTime(),
          ':entity': 'ledger-backfill',
          ':gov': gov,
          ':year': year,
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * Saves the progress, only while `holder` still holds the lease (a call whose lease ran out and was
 * taken over stops instead of moving the progress under the other); `release` ends the lease.
 */
export function putBackfillProgress(gov: string, year: number, progress: BackfillProgress, holder: string, release = false): TransactItem {
  const sets = ['#indexed = :indexed', '#done = :done'];
  const removes = release ? ['#holder', '#until'] : [];
  const values: Record<string, unknown> = { ':indexed': progress.indexed, ':done': progress.done, ':holder': holder };
  for (const name of ['month', 'after'] as const) {
    if (progress[name] === undefined) removes.push(`#${name}`);
    else {
      sets.push(`#${name} = :${name}`);
      values[`:${name}`] = progress[name];
    }
  }
  return {
    Update: {
      TableName: tableName(),
      Key: progressKey(gov, year),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#holder = :holder',
      ExpressionAttributeNames: {
        '#indexed': 'indexed',
        '#done': 'done',
        '#month': 'month',
        '#after': 'after',
        '#holder': 'leaseHolder',
        ...(release ? { '#until': 'leaseUntil' } : {}),
      },
      ExpressionAttributeValues: values,
    },
  };
}

/** Items by key, strongly consistent (the backfill reads what the consumer has just written), keyed by `keyOf`. */
export const getItems = (keys: readonly TableKey[]): Promise<Map<string, Item>> => batchGet(keys, { consistent: true });

export { keyOf };
export const postingRecordKeys = (gov: string, postingId: string) => ({
  result: resultKey(gov, postingId),
  request: requestKey(gov, postingId),
});
