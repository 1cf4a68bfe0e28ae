import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPartition } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { Item } from '#shared/stores/table/query-all.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';
import { requestKey, resultKey } from '#shared/stores/execution/posting-keys.ts';

/**
 * What the document-ledger backfill reads and writes (application/execution/backfill-ledger.ts).
 *
 *   pk LEDGERBACKFILL#{gov}#{year}   sk PROGRESS   where the backfill of a government-year stands:
 *                                                  the audit month and the last audit record read
 *
 * Postings are found through the audit trail (one partition per government and month, the consumer
 * writes `posting.{kind}.applied` with target `posting {id}` for every applied posting), never a scan.
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
        indexed: Number(Item.indexed),
        done: Item.done === true,
      }
    : { indexed: 0, done: false };
}

export const putBackfillProgress = (gov: string, year: number, progress: BackfillProgress): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...progressKey(gov, year),
      entity: 'ledger-backfill',
      gov,
      year,
      indexed: progress.indexed,
      done: progress.done,
      ...(progress.month ? { month: progress.month } : {}),
      ...(progress.after ? { after: progress.after } : {}),
    },
  },
});

/** One page of a month's audit records of postings (operation `posting.…`), after a sort key. */
export async function pagePostingAudits(
  gov: string,
  month: string,
  after: string | undefined,
  limit: number,
): Promise<{ records: { operation: string; target: string }[]; last: string | undefined }> {
  const pk = auditPartition(gov, month);
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'begins_with(#operation, :posting)',
      ExpressionAttributeNames: { '#operation': 'operation' },
      ExpressionAttributeValues: { ':pk': pk, ':posting': 'posting.' },
      ConsistentRead: true,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
    }),
  );
  return {
    records: (page.Items ?? []).map((item) => ({ operation: String(item.operation), target: String(item.target) })),
    last: page.LastEvaluatedKey?.sk as string | undefined,
  };
}

/** Items by key (BatchGet in chunks of 100, unprocessed keys retried), keyed `pk|sk`. */
export async function getItems(keys: readonly { pk: string; sk: string }[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((key) => [`${key.pk}|${key.sk}`, key])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    while (pending.length > 0) {
      const page = await dynamoClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of page.Responses?.[tableName()] ?? []) found.set(`${item.pk}|${item.sk}`, item);
      pending = page.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return found;
}

export const keyOf = (key: { pk: string; sk: string }): string => `${key.pk}|${key.sk}`;
export const postingRecordKeys = (gov: string, postingId: string) => ({
  result: resultKey(gov, postingId),
  request: requestKey(gov, postingId),
});
