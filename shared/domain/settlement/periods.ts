import { refusal } from '#shared/domain/refusal.ts';
import type { Decided } from '#shared/domain/refusal.ts';
import { fiscalDates } from '#shared/domain/fiscal-calendar/calendar.ts';

/**
 * Closing periods. A daily closing closes one day (yyyy-mm-dd), a monthly closing one month
 * (yyyy-mm), the year-end closing one fiscal year (yyyy). Dates are calendar dates in Korea
 * (Asia/Seoul, UTC+9 without daylight saving).
 * Source: 지방회계법 §6 (the fiscal year is the calendar year); days and months are practice.
 * `year` is the fiscal year: a 출납정리 day or month of year Y is dated in Y + 1 (parsePeriodOfYear).
 */
export const closingKinds = ['daily', 'monthly', 'year-end'] as const;
export type ClosingKind = (typeof closingKinds)[number];

export interface Period {
  readonly kind: ClosingKind;
  readonly year: number;
  /** yyyy-mm-dd, yyyy-mm or yyyy. */
  readonly id: string;
  /** First and last day of the period, inclusive (yyyy-mm-dd). */
  readonly firstDay: string;
  readonly lastDay: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const SEOUL_OFFSET_MS = 9 * 3600 * 1000;

const pad = (n: number): string => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses a period id of the given kind; undefined when it is not a real date, month or year. */
export function parsePeriod(kind: ClosingKind, id: string): Period | undefined {
  if (kind === 'daily') {
    const m = DAY.exec(id);
    if (!m) return undefined;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { kind, year, id, firstDay: id, lastDay: id };
  }
  if (kind === 'monthly') {
    const m = MONTH.exec(id);
    if (!m) return undefined;
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return undefined;
    return { kind, year, id, firstDay: `${id}-01`, lastDay: `${id}-${pad(daysInMonth(year, month))}` };
  }
  if (!YEAR.test(id)) return undefined;
  return { kind, year: Number(id), id, firstDay: `${id}-01-01`, lastDay: `${id}-12-31` };
}

export function periodOf(kind: ClosingKind, id: string): Period {
  const period = parsePeriod(kind, id);
  if (!period) throw new Error(`"${id}" is not a ${kind} period`);
  return period;
}

/**
 * A period of fiscal year `year` dated in the next calendar year: the 출납정리 days and months.
 * Year Y's cash books close on 31 December, but its listed exceptions post until 20 January and its
 * cash work completes by 10 February of Y + 1 (지방회계법 제7조제1항 단서·제3항; 시행령 제3조, 제34조); those
 * postings are dated on their real January/February days and kept in Y's ledger. Their daily
 * closing is the day (2027-01-15 of fiscal year 2026), their monthly closing the calendar month
 * (2027-01, and 2027-02 covering 1–10 February only): the ledger already keys them `MONTH#2027-01`
 * under year 2026, and the fiscal year in the path keeps them apart from Y + 1's own 2027-01.
 */
function settlingPeriod(kind: ClosingKind, id: string, year: number): Period | undefined {
  const calendar = parsePeriod(kind, id);
  if (!calendar || kind === 'year-end' || calendar.year !== year + 1) return undefined;
  const completionDate = fiscalDates(year).completionDate;
  if (calendar.firstDay > completionDate) return undefined;
  // February of the 출납정리 ends on the completion date (dates as yyyy-mm-dd strings compare as dates).
  if (calendar.lastDay <= completionDate) return { ...calendar, year };
  return { ...calendar, year, lastDay: completionDate };
}

/** A period of fiscal year `year`: one of its calendar days or months, or one of its 출납정리 days or months up to 10 February of the next year. */
export const parsePeriodOfYear = (kind: ClosingKind, id: string, year: number): Period | undefined => {
  const calendar = parsePeriod(kind, id);
  return calendar && calendar.year === year ? calendar : settlingPeriod(kind, id, year);
};

/** The period an official asks to close, when it is a real period of the fiscal year (the year in the path), 출납정리 days and months included. */
export function periodOfYear(kind: ClosingKind, id: string, year: number): Decided<{ readonly period: Period }> {
  const period = parsePeriodOfYear(kind, id, year);
  if (period) return { ok: true, period };
  const completionDate = fiscalDates(year).completionDate;
  return {
    ok: false,
    refusal: refusal(
      'unprocessable',
      'period-outside-year',
      `"${id}" is not a ${kind} period of fiscal year ${year} (its days run from ${year}-01-01 to ${completionDate}, 출납정리 included)`,
      { rule: '지방회계법 제6조제1항, 제7조제3항', kind, period: id, year, completionDate },
    ),
  };
}

/** Today's date in Korea. */
export const seoulDate = (now: Date): string => new Date(now.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The period a scheduled closing closes when it runs at `now`: yesterday, last month, or last
 * fiscal year (출납폐쇄 is 31 December, so the year-end job runs in the first days of January).
 */
export function lastCompletedPeriod(kind: ClosingKind, now: Date): Period {
  const today = seoulDate(now);
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (kind === 'daily') {
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 24 * 3600 * 1000).toISOString().slice(0, 10);
    return periodOf('daily', yesterday);
  }
  if (kind === 'monthly') return periodOf('monthly', month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`);
  return periodOf('year-end', String(year - 1));
}

/** The day of a running total lies in the period (inclusive); `through` ignores the start (cumulative reports). */
export const dayInPeriod = (day: string, period: Period): boolean => day >= period.firstDay && day <= period.lastDay;
export const dayThrough = (day: string, period: Period): boolean => day >= `${period.year}-01-01` && day <= period.lastDay;

/**
 * The posting dates a closing of the period stops (execution's closed-period fence, one item per
 * government and date): its days; for the year-end, every date a posting of the fiscal year can
 * carry, 1 January to the 출납 completion date of 10 February of the next year (지방회계법 제7조제3항).
 */
export function fencedDates(period: Period): string[] {
  const last = period.kind === 'year-end' ? fiscalDates(period.year).completionDate : period.lastDay;
  const dates: string[] = [];
  for (let day = new Date(`${period.firstDay}T00:00:00Z`); ; day = new Date(day.getTime() + 86_400_000)) {
    const date = day.toISOString().slice(0, 10);
    if (date > last) return dates;
    dates.push(date);
  }
}
