import type { ScheduledEvent } from 'aws-lambda';
import governments from '#shared/data/local-governments.json' with { type: 'json' };
import { logger } from '#shared/powertools/logger.ts';
import { SWEEP_AFTER_SECONDS, sweepUnqueued } from '#shared/application/execution/sweep-unqueued.ts';
import type { SweepReport } from '#shared/application/execution/sweep-unqueued.ts';

const codes = governments.map((g) => g.code);

/**
 * The outbox sweep (schedule `sweep-unqueued-postings`, every minute): enqueues the postings the
 * API stored but did not manage to enqueue. The detail may name `govs` (codes) and `olderThanSeconds`
 * (`npm run job -- sweep-unqueued-postings --olderThanSeconds 0` sweeps everything now).
 */
export const handler = async (event: ScheduledEvent): Promise<SweepReport> => {
  const detail = (event.detail ?? {}) as { govs?: unknown; olderThanSeconds?: unknown };
  const govs = Array.isArray(detail.govs) ? detail.govs.map(String).filter((gov) => codes.includes(gov)) : codes;
  const olderThan = Number(detail.olderThanSeconds ?? SWEEP_AFTER_SECONDS);
  const report = await sweepUnqueued(
    govs,
    new Date(event.time),
    Number.isFinite(olderThan) && olderThan >= 0 ? olderThan : SWEEP_AFTER_SECONDS,
  );
  if (report.enqueued > 0) logger.warn('postings stored but not queued were enqueued by the sweep', { ...report });
  return report;
};
