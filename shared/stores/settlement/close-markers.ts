import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import type { ClosingJob } from '#shared/domain/settlement/closing.ts';
import type { Period } from '#shared/domain/settlement/periods.ts';
import { fencedDates } from '#shared/domain/settlement/periods.ts';
import { closingKey, FENCE_ATTRIBUTE, fenceKey } from '#shared/stores/execution/posting-keys.ts';
import { noAdjustmentPending } from '#shared/stores/settlement/adjustments.ts';
import { closeMarkerPeriod } from '#shared/stores/settlement/keys.ts';
import type { AuditedRequest } from '#shared/stores/settlement/audited-request.ts';
import { queryPrefix } from '#shared/stores/table/query-all.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

const markerKey = (job: ClosingJob) => closingKey(job.gov, job.period.year, closeMarkerPeriod(job.period.kind, job.period.id));

/**
 * The closed-period fences of the period's posting dates (posting-keys.ts fenceKey): a closing adds
 * its marker's sort key to `fencedBy` of every date it covers, a reopening removes it, so a date is
 * open when no marker covers it. Postings check one fence per date instead of three markers.
 */
const fenceUpdates = (job: ClosingJob, change: 'ADD' | 'DELETE'): TransactItem[] => {
  const marker = closeMarkerPeriod(job.period.kind, job.period.id);
  return fencedDates(job.period).map((date) => ({
    Update: {
      TableName: tableName(),
      Key: fenceKey(job.gov, job.period.year, date),
      UpdateExpression: `${change} #fence :marker`,
      ExpressionAttributeNames: { '#fence': FENCE_ATTRIBUTE },
      ExpressionAttributeValues: { ':marker': new Set([marker]) },
    },
  }));
};

/** Room in one transaction beside the marker, its audit record and the year-end's adjustment check. */
const FENCES_IN_TRANSACTION = 90;

/**
 * A year-end covers ~406 dates, more than a transaction holds: its fences are written in parts
 * BEFORE the marker (a posting meeting a fence whose marker is not written yet loses its race and
 * is redelivered until the marker refuses it) and removed in parts AFTER the marker goes.
 */
async function fenceInParts(job: ClosingJob, change: 'ADD' | 'DELETE'): Promise<void> {
  const updates = fenceUpdates(job, change);
  for (let i = 0; i < updates.length; i += 100) {
    const outcome = await transact({ fences: updates.slice(i, i + 100) });
    if (!outcome.ok) throw new Error(`fencing ${markerKey(job).sk} of ${job.gov} lost a race: retry`);
  }
}

const fencedInTransaction = (job: ClosingJob): boolean => fencedDates(job.period).length <= FENCES_IN_TRANSACTION;

/**
 * A period's marker has two states. `closing`: written first, it already stops every posting
 * (execution reads the marker, and every applying write checks the fence written with it), so the reports are built on
 * books that no longer move. `closed`: set once the period's archive is written. A marker without a
 * state predates the two states and counts as closed.
 */
export type MarkerState = 'closing' | 'closed';

/**
 * Freezes the period: the marker in state `closing` and its audit record in one transaction. A
 * period with a marker already changes nothing. `backfill` marks a closing run before its time
 * (tests, data migration), in the marker and its audit record.
 */
export async function closePeriod(
  job: ClosingJob,
  request: AuditedRequest,
  backfill = false,
): Promise<'closed' | 'already-closed' | 'adjustment-pending'> {
  const atomic = fencedInTransaction(job);
  if (!atomic) await fenceInParts(job, 'ADD');
  // A year-end freezes only once no 결산정리분개 is half recorded (adjustments.ts noAdjustmentPending).
  const outcome = await transact({
    fences: atomic ? fenceUpdates(job, 'ADD') : [],
    adjustments: job.period.kind === 'year-end' ? noAdjustmentPending(job.gov, job.period.year) : [],
    marker: {
      Put: {
        TableName: tableName(),
        Item: {
          ...markerKey(job),
          entity: 'closed-period',
          gov: job.gov,
          year: job.period.year,
          kind: job.period.kind,
          period: job.period.id,
          state: 'closing' satisfies MarkerState,
          ...(backfill ? { backfill: true } : {}),
          closedAt: request.receivedAt,
          closedBy: request.caller?.sub ?? 'system',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit: auditPut(
      tableName(),
      auditRecord(request, {
        gov: job.gov,
        operation: backfill ? 'closePeriod.backfill' : 'closePeriod',
        target: `period ${job.gov}/${job.period.kind}/${job.period.id}`,
      }),
    ),
  });
  if (!outcome.ok && outcome.failed.has('marker')) return 'already-closed';
  if (!outcome.ok && !atomic) await fenceInParts(job, 'DELETE');
  if (!outcome.ok && outcome.failed.has('adjustments')) return 'adjustment-pending';
  if (!outcome.ok) throw new Error(`closing ${markerKey(job).sk} failed: ${[...outcome.failed].join(', ')}`);
  return 'closed';
}

/** The archive is written: the period is closed. */
export async function markClosed(job: ClosingJob, request: AuditedRequest): Promise<void> {
  const outcome = await transact({
    marker: {
      Update: {
        TableName: tableName(),
        Key: markerKey(job),
        UpdateExpression: 'SET #state = :closed, archivedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':closed': 'closed' satisfies MarkerState, ':at': request.receivedAt },
      },
    },
    audit: auditPut(
      tableName(),
      auditRecord(request, {
        gov: job.gov,
        operation: 'markPeriodClosed',
        target: `period ${job.gov}/${job.period.kind}/${job.period.id}`,
      }),
    ),
  });
  if (!outcome.ok) throw new Error(`marking ${markerKey(job).sk} closed failed: ${[...outcome.failed].join(', ')}`);
}

/**
 * A closing that failed before its archive was written opens the period again: the `closing`
 * marker goes (a `closed` one stays), with an audit record naming why.
 */
export async function reopenPeriod(job: ClosingJob, request: AuditedRequest, reason: string): Promise<void> {
  const atomic = fencedInTransaction(job);
  const outcome = await transact({
    fences: atomic ? fenceUpdates(job, 'DELETE') : [],
    marker: {
      Delete: {
        TableName: tableName(),
        Key: markerKey(job),
        ConditionExpression: '#state = :closing',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':closing': 'closing' satisfies MarkerState },
      },
    },
    audit: auditPut(
      tableName(),
      auditRecord(request, {
        gov: job.gov,
        operation: 'reopenPeriod',
        target: `period ${job.gov}/${job.period.kind}/${job.period.id}: ${reason}`.slice(0, 500),
      }),
    ),
  });
  if (!outcome.ok && !outcome.failed.has('marker'))
    throw new Error(`reopening ${markerKey(job).sk} failed: ${[...outcome.failed].join(', ')}`);
  if (outcome.ok && !atomic) await fenceInParts(job, 'DELETE');
}

const stateOf = (item: Record<string, unknown> | undefined): MarkerState | undefined =>
  item === undefined ? undefined : item.state === 'closing' ? 'closing' : 'closed';

/** Whether the period is closed (its archive written); a period being closed is not, yet. */
export async function isPeriodClosed(job: ClosingJob): Promise<boolean> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: markerKey(job), ConsistentRead: true }));
  return stateOf(Item) === 'closed';
}

/** The state of a period's marker, for guards that refuse changes into a period being closed or closed. */
export async function markerState(gov: string, year: number, sk: string): Promise<MarkerState | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: closingKey(gov, year, sk), ConsistentRead: true }),
  );
  return stateOf(Item);
}

/** The ids of the days (`DAY#2026-11-`) or months (`MONTH#`) of a year closed so far, e.g. 2026-11-05 or 2026-11. */
export async function closedPeriods(gov: string, year: number, prefix: string): Promise<Set<string>> {
  const items = await queryPrefix(closingKey(gov, year, '').pk, prefix, { ConsistentRead: true });
  const ids = items.filter((item) => stateOf(item) === 'closed').map((item) => String(item.sk));
  return new Set(ids.map((sk) => sk.slice(sk.indexOf('#') + 1)));
}

/** The days of a month, or the months of a year, closed so far (nothing closes before a day). */
export function closedBefore(gov: string, period: Period): Promise<ReadonlySet<string>> {
  if (period.kind === 'daily') return Promise.resolve(new Set());
  const prefix = period.kind === 'monthly' ? closeMarkerPeriod('daily', `${period.id}-`) : closeMarkerPeriod('monthly', '');
  return closedPeriods(gov, period.year, prefix);
}

/** A transaction's condition that the period has no marker (neither being closed nor closed), as postings check it. */
export const markerAbsent = (gov: string, year: number, sk: string): TransactItem => ({
  ConditionCheck: { TableName: tableName(), Key: closingKey(gov, year, sk), ConditionExpression: 'attribute_not_exists(pk)' },
});
