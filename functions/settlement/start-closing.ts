import type { ScheduledEvent } from 'aws-lambda';
import { lastCompletedPeriod, parsePeriod } from '#shared/domain/settlement/periods.ts';
import { logger } from '#shared/powertools/logger.ts';
import { listGovernments } from '#shared/repositories/registry-repository.ts';
import { enqueueClosings } from '#shared/repositories/settlement-queue.ts';
import { closingSchedule } from '#shared/schemas/settlement.ts';

/**
 * The scheduled closing's fan-out: one message per government on the settlement queue, where
 * run-closing closes each government on its own (a short run each, retried on its own).
 */
export const handler = async (event: ScheduledEvent): Promise<{ kind: string; period: string; enqueued: number }> => {
  const input = closingSchedule.parse(event.detail);
  const period = input.period === undefined ? lastCompletedPeriod(input.kind, new Date(event.time)) : parsePeriod(input.kind, input.period);
  if (!period) throw new Error(`"${input.period}" is not a ${input.kind} period`);
  const govs = input.govs ?? (await listGovernments()).map((g) => g.code).sort();
  const enqueued = await enqueueClosings(govs.map((gov) => ({ gov, kind: period.kind, period: period.id })));
  logger.info('closings queued', { kind: period.kind, period: period.id, enqueued });
  return { kind: period.kind, period: period.id, enqueued };
};
