import type { ScheduledEvent } from 'aws-lambda';
import { fiscalDates, koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { closingTimeRefusal, periodsBefore } from '#shared/domain/settlement/closing-guards.ts';
import {
  lastCompletedPeriod,
  parsePeriod,
  parsePeriodOfYear,
  periodOfYear,
  periodOf as yearPeriod,
} from '#shared/domain/settlement/periods.ts';
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
 * months (YearEndClosingsDue). The day or month the schedule picks in 1 January – 10 February is
 * queued for the year before too, as one of its 출납정리 periods.
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
  // Only the schedule's own pick: an explicit --period or --year/--month names one fiscal year's period.
  const scheduled = input.period === undefined && input.year === undefined;
  const oldYear = scheduled ? settlingOfYearBefore(period) : [];
  // An old year's 출납정리 day or month named explicitly (--year 2026 --period 2027-01-15) carries its fiscal year.
  const ofYear = period.year !== parsePeriod(period.kind, period.id)?.year ? { year: period.year } : {};
  const messages = (await govs()).flatMap((gov) => [
    { gov, kind: period.kind, period: period.id, ...ofYear, ...backfill },
    ...oldYear.map((old) => ({ gov, kind: old.kind, period: old.id, year: old.year, ...backfill })),
  ]);
  const enqueued = await enqueueClosings(messages);
  logger.info('closings queued', {
    kind: period.kind,
    period: period.id,
    enqueued,
    oldYear: oldYear.length > 0,
    backfill: input.backfill === true,
  });
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
    // The twelve months and the two 출납정리 months (January, 1–10 February of the next year).
    const closed = await closedPeriods(gov, year, 'MONTH#');
    due.push({ gov, openMonths: periodsBefore(period).filter((month) => !closed.has(month.id)).length });
    await putJobMetric({ gov, period }, 'YearEndClosingsDue', 1, 'Count');
  }
  logger.warn('year-end closings due: the chief accountant closes the year (POST /governments/{gov}/settlement/{year}/closings)', {
    year,
    completionDate: fiscalDates(year).completionDate,
    due: due.length,
  });
  return { kind: 'year-end', period: String(year), enqueued: 0, due };
}

/**
 * A day or month of 1 January – 10 February is also a 출납정리 period of the year before (its
 * exceptions and completion work post on these days: 지방회계법 제7조제1항 단서·제3항, 시행령 제3조,
 * 제34조), closed for that year too so that its year-end finds its days and months closed.
 */
function settlingOfYearBefore(period: Period): Period[] {
  if (period.kind === 'year-end') return [];
  const old = parsePeriodOfYear(period.kind, period.id, period.year - 1);
  return old ? [old] : [];
}

/**
 * The period the input names: an explicit `period` (with `year`, a day or month of that fiscal year,
 * its 출납정리 days and months of 1 January – 10 February of the next year included: 지방회계법
 * 제7조제1항 단서·제3항, 시행령 제3조), `year`/`month`, or the last completed one.
 */
function periodOf(input: ClosingSchedule, now: Date): Period {
  const id =
    input.period ??
    (input.kind === 'year-end' && input.year !== undefined ? String(input.year) : undefined) ??
    (input.kind === 'monthly' && input.year !== undefined && input.month !== undefined
      ? `${input.year}-${String(input.month).padStart(2, '0')}`
      : undefined);
  if (id === undefined) return lastCompletedPeriod(input.kind, now);
  if (input.period !== undefined && input.year !== undefined && input.kind !== 'year-end') {
    const chosen = periodOfYear(input.kind, id, input.year);
    if (!chosen.ok) throw new Refused(chosen.refusal);
    return chosen.period;
  }
  const period = parsePeriod(input.kind, id);
  if (!period) throw new Error(`"${id}" is not a ${input.kind} period`);
  return period;
}
