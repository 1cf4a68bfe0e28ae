import { tableName } from '#shared/config/env.ts';
import type { PostingMessage } from '#shared/domain/execution/posting.ts';
import { pendingPostingsKey } from '#shared/stores/budget/control-keys.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/**
 * The execution side of the count of postings accepted on a 성립전 line and not yet decided
 * (control-keys.ts pendingPostingsKey): the acceptance adds one, unless the line's reversal has
 * marked it removed (then the acceptance fails: the line is gone).
 */
export function holdPending(gov: string, year: number, lineId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: pendingPostingsKey(gov, year, lineId),
      UpdateExpression: 'ADD pending :one',
      ConditionExpression: 'attribute_not_exists(removedAt)',
      ExpressionAttributeValues: { ':one': 1 },
    },
  };
}

/**
 * The consumer's release, in the batch that decides the postings (once: their result items are
 * created only if absent): one update per line, taking off the postings the batch decided. A posting
 * recorded as `posting-failed` (a fault of ours, replayed later) stays pending until really decided.
 */
export function releasePending(decided: readonly PostingMessage[]): Record<string, Record<string, unknown>>[] {
  const counts = new Map<string, { gov: string; year: number; lineId: string; count: number }>();
  for (const message of decided) {
    for (const lineId of message.pendingOn ?? []) {
      const key = `${message.gov}|${message.year}|${lineId}`;
      const entry = counts.get(key) ?? { gov: message.gov, year: message.year, lineId, count: 0 };
      counts.set(key, { ...entry, count: entry.count + 1 });
    }
  }
  return [...counts.values()].map(({ gov, year, lineId, count }) => ({
    Update: {
      TableName: tableName(),
      Key: pendingPostingsKey(gov, year, lineId),
      UpdateExpression: 'ADD pending :minus',
      ExpressionAttributeValues: { ':minus': -count },
    },
  }));
}
