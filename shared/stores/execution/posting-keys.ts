import { createHash } from 'node:crypto';
import { cashControlKey, collectorControlKey, lineControlKey, programControlKey } from '#shared/stores/budget/control-keys.ts';
import type { Need } from '#shared/domain/execution/snapshot.ts';
import type { Target } from '#shared/domain/execution/items.ts';

/**
 * Keys of execution's items in the single table.
 *
 *   pk POSTING#{gov}#{postingId}   sk REQUEST    the accepted posting (the queue message): status "queued"; its
 *                                                request hash. The audit record of the acceptance, listed
 *                                                through gsi1pk AUDIT#{gov}#{yyyy-mm} (posting-items.ts requestItem). The posting id is derived from the subject and the
 *                                                Idempotency-Key (postingIdOf), so creating it only if absent is
 *                                                the key's check: a key has no record of its own
 *   pk POSTING#{gov}#{postingId}   sk RESULT     the consumer's decision, created once (exactly once by
 *                                                posting id): applied (effects, journal lines) or rejected
 *                                                (rule and numbers); never updated. An applied one is the audit
 *                                                record of the application (posting-audit.ts)
 *        applied results carry gsi1pk JOURNAL#{gov}#{yyyy-mm-dd}, gsi1sk {postingId}: a day's journal is one Query
 *        a result rejected as `posting-failed` (a fault of ours, not a rule) carries gsi1pk FAILED#{gov}, gsi1sk
 *        {postingId}: the operators' list of postings to replay (`npm run redrive -- postings --failed {gov}`)
 *   pk POSTING#{gov}#{postingId}   sk REVERSAL   created once, when a correction reverses the posting
 *   pk OUTBOX#{00..15}             sk {receivedAt}#{gov}#{postingId}
 *                                                "to enqueue" a replayed posting: written by the replay, deleted once it
 *                                                is on the queue; the sweeper (functions/postings/sweep-unqueued.ts)
 *                                                enqueues the ones a crash left behind. An accepted posting has none
 *                                                (issue #21): the audit record of its acceptance is its outbox
 *                                                (accepted-postings.ts, cursor `SWEEP#ACCEPTED` / `CURSOR`).
 *   pk DOC#{gov}#{docId}           sk DOC        a document's counters (commitment, resolution, payment
 *                                                order, assessment, receipt); docId = id of the posting that created it
 *   pk CLOSE#{gov}#{year}          sk DAY#{yyyy-mm-dd} | MONTH#{yyyy-mm} | YEAR
 *                                                closed-period markers, written by settlement; a posting dated
 *                                                in a closed day, month or year is rejected (period-closed), and
 *                                                a batch reads them to refuse such postings
 *   pk CLOSE#{gov}#{year}          sk FENCE#{yyyy-mm-dd}
 *                                                the closed-period fence of a posting date: `fencedBy` holds the
 *                                                markers (DAY#…, MONTH#…, YEAR) of the closings that cover the date,
 *                                                written by settlement with each marker and removed by a reopening;
 *                                                every applying batch checks one fence per government and date
 *                                                (issue #21: one ConditionCheck instead of three)
 *
 * Budget lines and cash allocations are the BUDGET# items of budget-control-keys.ts; running balances
 * are in ledger-balances.ts; the fund status in fund-status-repository.ts.
 */
export const postingPartition = (gov: string, postingId: string): string => `POSTING#${gov}#${postingId}`;
export const requestKey = (gov: string, postingId: string) => ({ pk: postingPartition(gov, postingId), sk: 'REQUEST' });
export const resultKey = (gov: string, postingId: string) => ({ pk: postingPartition(gov, postingId), sk: 'RESULT' });
export const reversalKey = (gov: string, postingId: string) => ({ pk: postingPartition(gov, postingId), sk: 'REVERSAL' });
/**
 * The id of the posting a subject asks for with an Idempotency-Key: 128 bits of the SHA-256 of the
 * JSON array [sub, key], so `#` (or anything else) in either never makes two pairs one, and a
 * retry finds the same posting with one GetItem. Deriving it makes the request's conditional write
 * the key's check, with no key record to write beside it (issue #21: 2 write units per posting).
 * Ids are no longer ordered by acceptance time: within a day the journal and the document ledger
 * list postings in id order.
 */
export const postingIdOf = (sub: string, key: string): string =>
  createHash('sha256')
    .update(JSON.stringify([sub, key]))
    .digest('hex')
    .slice(0, 32);
export const documentKey = (gov: string, docId: string) => ({ pk: `DOC#${gov}#${docId}`, sk: 'DOC' });
export const closingKey = (gov: string, year: number, period: string) => ({ pk: `CLOSE#${gov}#${year}`, sk: period });
export const fenceKey = (gov: string, year: number, date: string) => closingKey(gov, year, `FENCE#${date}`);
/** The fence's attribute: a string set of the markers that cover the date; absent (or emptied) while the date is open. */
export const FENCE_ATTRIBUTE = 'fencedBy';
export const failedIndexKey = (gov: string, postingId: string) => ({ gsi1pk: `FAILED#${gov}`, gsi1sk: postingId });
export const OUTBOX_PARTITIONS = 16;
export const outboxPartition = (partition: number): string => `OUTBOX#${String(partition).padStart(2, '0')}`;
export const outboxKey = (gov: string, receivedAt: string, postingId: string) => ({
  pk: outboxPartition((createHash('sha256').update(postingId).digest()[0] ?? 0) % OUTBOX_PARTITIONS),
  sk: `${receivedAt}#${gov}#${postingId}`,
});
export const journalIndexKey = (gov: string, date: string, postingId: string) => ({ gsi1pk: `JOURNAL#${gov}#${date}`, gsi1sk: postingId });

export function targetItemKey(target: Target): { pk: string; sk: string } {
  switch (target.type) {
    case 'line':
      return lineControlKey(target.gov, target.year, target.lineId);
    case 'cash':
      return cashControlKey(target.gov, target.year, target.fund, target.month);
    case 'doc':
      return documentKey(target.gov, target.docId);
    case 'program':
      return programControlKey(target.gov, target.year, target.fund, target.program);
    case 'collector':
      return collectorControlKey(target.gov, target.year, target.lineId, target.collector);
  }
}

export function needItemKey(need: Need): { pk: string; sk: string } {
  switch (need.type) {
    case 'item':
      return targetItemKey(need.target);
    case 'result':
      return resultKey(need.gov, need.postingId);
    case 'reversal':
      return reversalKey(need.gov, need.postingId);
    case 'closed':
      return closingKey(need.gov, need.year, need.period);
  }
}
