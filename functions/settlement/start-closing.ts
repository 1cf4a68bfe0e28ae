import type { ScheduledEvent } from 'aws-lambda';
import { fiscalDates, koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { closingTimeRefusal } from '#shared/domain/settlement/closing-guards.ts';
import { lastCompletedPeriod, parsePeriod, periodOf as yearPeriod } from '#shared/domain/settlement/periods.ts';
import type { Period } from '#shared/domain/settlement/periods.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { logger } from '#shared/powertools/logger.ts';
import { listGovernments } from '#shared/stores/registry/governments.ts';
import { closedPeriods, isPeriodClosed } from '#shared/stores/settlement/close-markers.ts';
import { putJobMetric } from '#shared/stores/settlement/metrics.ts';
import { enqueueClosings } from '#shared/stores/settlement/queue.ts';
import { closingSchedule } from '#shared/schemas/settlement.ts';
import type { ClosingSchedule } from '#shared/schemas/settlement.ts';

export interface StartedClosings {
  readonly kind: string;
  readonly period: string;
  readonly enqueued: number;
  /** Year-end reminder: the governments whose year-end closing is due, with the months each has still open. */
  readonly due?: readonly { readonly gov: string; readonly openMonths: number }[];
}

/**
 * The scheduled closing's fan-out: one message per government on the settlement queue, where
 * run-closing closes each government on its own (a short run each, retried on its own). A period
 * that has not ended (or a year-end before 10 February of the next year) is refused here, before
 * anything is queued, unless the input says `backfill`.
 *
 * The year-end closing is the 회계책임관's act (POST …/settlement/{year}/closings, or this job with
 * an explicit --year): the schedule without a year only prepares and reminds, listing the
 * governments whose last year is complete (10 February passed) but not closed, with their open
 * months (YearEndClosingsDue).
 */
export const handler = async (event: ScheduledEvent): Promise<StartedClosings> => {
  const input = closingSchedule.parse(event.detail);
  const now = new Date(event.time);
  const govs = async () => input.govs ?? (input.gov ? [input.gov] : (await listGovernments()).map((g) => g.code).sort());
  if (input.kind === 'year-end' && input.period === undefined && input.year === undefined) return remind(now, await govs());
  const period = periodOf(input, now);
  if (!input.backfill) {
    const early = closingTimeRefusal(period, now);
    if (early) throw new Refused(early);
  }
  const backfill = input.backfill ? { backfill: true as const } : {};
  const enqueued = await enqueueClosings((await govs()).map((gov) => ({ gov, kind: period.kind, period: period.id, ...backfill })));
  logger.info('closings queued', { kind: period.kind, period: period.id, enqueued, backfill: input.backfill === true });
  return { kind: period.kind, period: period.id, enqueued };
};

/** The year-end reminder: the last year whose cash work is complete, and who has not closed it. */
async function remind(now: Date, govs: readonly string[]): Promise<StartedClosings> {
  const today = koreanDate(now);
  const thisYear = Number(today.slice(0, 4));
  const year = today > fiscalDates(thisYear - 1).completionDate ? thisYear - 1 : thisYear - 2;
  const period = yearPeriod('year-end', String(year));
  const due: { gov: string; openMonths: number }[] = [];
  for (const gov of govs) {
    if (await isPeriodClosed({ gov, period })) continue;
    due.push({ gov, openMonths: 12 - (await closedPeriods(gov, year, 'MONTH#')).size });
    await putJobMetric({ gov, period }, 'YearEndClosingsDue', 1, 'Count');
  }
  logger.warn('year-end closings due: the chief accountant closes the year (POST /governments/{gov}/settlement/{year}/closings)', {
    year,
    completionDate: fiscalDates(year).completionDate,
    due: due.length,
  });
  return { kind: 'year-end', period: String(year), enqueued: 0, due };
}

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
