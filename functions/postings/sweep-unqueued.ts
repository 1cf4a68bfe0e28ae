import type { ScheduledEvent } from 'aws-lambda';
import { now } from '#shared/clock.ts';
import { logger } from '#shared/powertools/logger.ts';
import { SWEEP_AFTER_SECONDS, sweepUnqueued } from '#shared/application/execution/sweep-unqueued.ts';
import type { SweepReport } from '#shared/application/execution/sweep-unqueued.ts';

/**
 * The outbox sweep (schedule `sweep-unqueued-postings`, every minute): enqueues the postings the
 * API stored but did not manage to enqueue. The detail may give `olderThanSeconds`
 * (`npm run job -- sweep-unqueued-postings --olderThanSeconds 0` sweeps everything now) and `since`
 * (an ISO time: sweep the postings accepted since then, e.g. a restored table's recovery point,
 * instead of since the last sweep). Acceptances carry the business clock's time, so age is measured
 * on that clock too (HOJO_CLOCK rehearsals).
 */
export const handler = async (event: ScheduledEvent): Promise<SweepReport> => {
  const detail = (event.detail ?? {}) as { olderThanSeconds?: unknown; since?: unknown };
  const olderThan = Number(detail.olderThanSeconds ?? SWEEP_AFTER_SECONDS);
  const since =
    typeof detail.since === 'string' && !Number.isNaN(Date.parse(detail.since)) ? new Date(detail.since).toISOString() : undefined;
  const report = await sweepUnqueued(now(), Number.isFinite(olderThan) && olderThan >= 0 ? olderThan : SWEEP_AFTER_SECONDS, since);
  if (report.enqueued > 0) logger.warn('postings stored but not queued were enqueued by the sweep', { ...report });
  return report;
};
