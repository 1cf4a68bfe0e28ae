import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { journalIndexKey } from '#shared/stores/execution/posting-keys.ts';
import { businessDays } from './settlement-year.ts';

export interface JournalScan {
  readonly ms: number;
  readonly itemsRead: number;
  readonly queries: number;
}

/**
 * What a naive year close would read: every applied posting record with journal lines, day by
 * day through the journal index (gsi1pk JOURNAL#{gov}#{date}, see posting-keys.ts). The items are
 * counted and dropped, so memory stays flat; the figure is the read cost, not a closing.
 */
export async function scanYearJournal(gov: string, year: number): Promise<JournalScan> {
  const started = performance.now();
  let itemsRead = 0;
  let queries = 0;
  for (const date of businessDays(year)) {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await dynamoClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :day',
          ExpressionAttributeValues: { ':day': journalIndexKey(gov, date, '').gsi1pk },
          ExclusiveStartKey: cursor,
        }),
      );
      queries += 1;
      itemsRead += page.ScannedCount ?? page.Count ?? 0;
      cursor = page.LastEvaluatedKey;
    } while (cursor);
  }
  return { ms: Math.round(performance.now() - started), itemsRead, queries };
}
