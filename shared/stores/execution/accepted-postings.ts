import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditPartition } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { resultKey } from '#shared/stores/execution/posting-keys.ts';
import { batchGet, keyOf } from '#shared/stores/table/batch-get.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/**
 * The audit records of accepted postings as the outbox of the postings queue (issue #21). Accepting
 * a posting writes its request, which is the audit record of the acceptance (posting-requests.ts),
 * listed in the index under `AUDIT#{gov}#{yyyy-mm}`, sort key from the acceptance time: it says that
 * the posting exists and when, so no separate "to enqueue" marker is written or deleted (3 of
 * accepting's 7 write units). The sweep reads the requests accepted since it last looked (one Query
 * of the index per government and month, a cursor item remembering how far it got) and sends the
 * postings it finds undecided. The index is eventually consistent: the sweep reads only acceptances
 * older than SWEEP_AFTER_SECONDS (sweep-unqueued.ts), long after their index entries are written.
 *
 *   pk SWEEP#ACCEPTED   sk CURSOR   `sweptTo`: acceptance time up to which every accepted posting
 *                                   was sent or found decided; only moves forward
 */
const CURSOR_KEY = { pk: 'SWEEP#ACCEPTED', sk: 'CURSOR' } as const;

/** How far the sweep of accepted postings got (ISO time), if it ever ran. */
export async function readSweptTo(): Promise<string | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: CURSOR_KEY, ConsistentRead: true }));
  return Item?.sweptTo === undefined ? undefined : String(Item.sweptTo);
}

/** Moves the cursor to `to`, never back (two sweeps at once: the later wins). */
export async function advanceSweptTo(to: string): Promise<void> {
  await dynamoClient()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: CURSOR_KEY,
        UpdateExpression: 'SET sweptTo = :to',
        ConditionExpression: 'attribute_not_exists(sweptTo) OR sweptTo < :to',
        ExpressionAttributeValues: { ':to': to },
      }),
    )
    .catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** The ids of the postings of `gov` accepted at or after `from` and before `to` (ISO times, the acceptance's clock). */
export async function acceptedBetween(gov: string, from: string, to: string): Promise<string[]> {
  const ids: string[] = [];
  for (const month of monthsBetween(from, to)) {
    // The requests themselves, listed in the index as the audit records of their acceptance (posting-items.ts requestItem).
    const items = await queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ProjectionExpression: 'postingId',
      ExpressionAttributeValues: {
        ':pk': auditPartition(gov, month),
        ':from': from,
        // sort keys are `{receivedAt}#…`: everything accepted strictly before `to`
        ':to': `${to}#`,
      },
    });
    for (const item of items) ids.push(String(item.postingId));
  }
  return ids;
}

/** Which of the postings have been decided (their RESULT exists). */
export async function decidedAmong(gov: string, postingIds: readonly string[]): Promise<Set<string>> {
  const found = await batchGet(postingIds.map((id) => resultKey(gov, id)));
  return new Set(postingIds.filter((id) => found.has(keyOf(resultKey(gov, id)))));
}

/** The `yyyy-mm` months from the month of `from` to the month of `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
