import { fiscalDates, koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { parsePeriodOfYear, periodOf } from '#shared/domain/settlement/periods.ts';
import type { Period } from '#shared/domain/settlement/periods.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A closing closes a period that has ended (practice: a day's 일계표 is of a finished day), and the
 * year-end closing is the 회계책임관's act once the cash work of the year is complete, after
 * 10 February of the next year (지방회계법 제7조제3항; 자치법 제150조제1항 counts the 결산 from
 * 출납폐쇄). `now` is the instant the closing is asked for, in Korean time.
 */
export function closingTimeRefusal(period: Period, now: Date): Refusal | undefined {
  const today = koreanDate(now);
  if (period.lastDay >= today) {
    return refusal('unprocessable', 'period-not-ended', `${period.kind} ${period.id} has not ended (today is ${today} in Korea)`, {
      rule: 'practice: a period closes once it has ended',
      kind: period.kind,
      period: period.id,
      lastDay: period.lastDay,
      today,
    });
  }
  const { completionDate } = fiscalDates(period.year);
  if (period.kind === 'year-end' && today <= completionDate) {
    return refusal(
      'unprocessable',
      'year-end-before-completion',
      `the year-end closing of ${period.year} runs after ${completionDate}, when its cash work is complete (today is ${today} in Korea)`,
      { rule: '지방회계법 제7조제3항 (출납사무 완결기한)', year: period.year, completionDate, today },
    );
  }
  return undefined;
}

/**
 * The periods that close before this one: the days of a month (of a 출납정리 February, 1–10), the
 * months of a year followed by its 출납정리 months (January and February of the next year, whose
 * postings belong to the year: 지방회계법 제7조제1항 단서·제3항).
 */
export function periodsBefore(period: Period): Period[] {
  if (period.kind === 'daily') return [];
  if (period.kind === 'monthly') {
    const days = Number(period.lastDay.slice(8, 10));
    return Array.from({ length: days }, (_, i) => ({
      ...periodOf('daily', `${period.id}-${String(i + 1).padStart(2, '0')}`),
      year: period.year,
    }));
  }
  const months = Array.from({ length: 12 }, (_, i) => periodOf('monthly', `${period.id}-${String(i + 1).padStart(2, '0')}`));
  const settling = [`${period.year + 1}-01`, `${period.year + 1}-02`].flatMap((id) => parsePeriodOfYear('monthly', id, period.year) ?? []);
  return [...months, ...settling];
}

/** Days close before their month, months before their year (practice: each report builds on the closed ones below it). */
export function earlierPeriodsOpen(period: Period, closed: ReadonlySet<string>): Refusal | undefined {
  const open = periodsBefore(period)
    .map((p) => p.id)
    .filter((id) => !closed.has(id));
  if (open.length === 0) return undefined;
  const what = period.kind === 'monthly' ? 'days' : 'months';
  return refusal(
    'unprocessable',
    'earlier-periods-open',
    `${period.kind} ${period.id} closes after its ${what}; ${open.length} still open: ${open.slice(0, 5).join(', ')}${open.length > 5 ? ' …' : ''}`,
    { rule: `practice: ${what} close before their ${period.kind === 'monthly' ? 'month' : 'year'}`, period: period.id, open },
  );
}

/**
 * The year-end closing waits for every 결산정리분개 recorded in parts to be complete: the statements
 * (회계기준규칙 제8조) are read from the ledger, and a plan whose parts are not all applied would leave
 * them with only some of its entries. Source: practice (the adjusting entries precede the 결산서,
 * 지방회계법 제7조제3항 closes the year's books once). The 회계책임관 completes the plan by sending the
 * same request again, then asks for the closing.
 */
export function adjustmentsPendingRefusal(period: Period, pendingKinds: readonly string[]): Refusal | undefined {
  if (period.kind !== 'year-end' || pendingKinds.length === 0) return undefined;
  return refusal(
    'conflict',
    'adjustment-pending',
    `the year-end closing of ${period.id} waits for the adjusting entries still being recorded: ${pendingKinds.join(', ')}`,
    { rule: 'practice: the 결산 reads complete 결산정리분개 (회계기준규칙 제8조)', year: period.year, pendingKinds: [...pendingKinds] },
  );
}
