import type { ScheduledEvent } from 'aws-lambda';
import { lastCompletedPeriod, parsePeriod } from '#shared/domain/settlement/periods.ts';
import type { Period } from '#shared/domain/settlement/periods.ts';
import { logger } from '#shared/powertools/logger.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { enqueueClosings } from '#shared/stores/settlement/queue.ts';
import { closingSchedule } from '#shared/schemas/settlement.ts';
import type { ClosingSchedule } from '#shared/schemas/settlement.ts';

/**
 * The scheduled closing's fan-out: one message per government on the settlement queue, where
 * run-closing closes each government on its own (a short run each, retried on its own).
 */
export const handler = async (event: ScheduledEvent): Promise<{ kind: string; period: string; enqueued: number }> => {
  const input = closingSchedule.parse(event.detail);
  const period = periodOf(input, new Date(event.time));
  const govs = input.govs ?? (input.gov ? [input.gov] : (await listGovernments()).map((g) => g.code).sort());
  const enqueued = await enqueueClosings(govs.map((gov) => ({ gov, kind: period.kind, period: period.id })));
  logger.info('closings queued', { kind: period.kind, period: period.id, enqueued });
  return { kind: period.kind, period: period.id, enqueued };
};

function periodOf(input: ClosingSchedule, now: Date): Period {
  const id =
    input.period ??
    (input.kind === 'year-end' && input.year !== undefined ? String(input.year) : undefined) ??
    (input.kind === 'monthly' && input.year !== undefined && input.month !== undefined
      ? `${input.year}-${String(input.month).padStart(2, '0')}`
      : undefined);
  if (id === undefined) return lastCompletedPeriod(input.kind, now);
  const period = parsePeriod(input.kind, id);
  if (!period) throw new Error(`"${id}" is not a ${input.kind} period`);
  return period;
}
