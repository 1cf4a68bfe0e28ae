import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * The dates of one fiscal year, in Korean time (Asia/Seoul, UTC+9 without daylight saving):
 *   1 Jan – 31 Dec        the fiscal year (지방회계법 제6조제1항)
 *   31 Dec                출납 폐쇄: the cash books close (지방회계법 제7조제1항 본문)
 *   until 20 Jan (N + 1)  only the listed exceptions may still receive or pay for year N
 *                         (지방회계법 제7조제1항 단서; 회계령 제3조, 제34조)
 *   until 10 Feb (N + 1)  출납사무 완결: the cash work of year N is finished (지방회계법 제7조제3항);
 *                         after it the year is locked and the year-end closing may run
 */
export interface FiscalDates {
  readonly year: number;
  readonly firstDay: string;
  readonly cashBooksClose: string;
  readonly exceptionDeadline: string;
  readonly completionDate: string;
}

export const fiscalDates = (year: number): FiscalDates => ({
  year,
  firstDay: `${year}-01-01`,
  cashBooksClose: `${year}-12-31`,
  exceptionDeadline: `${year + 1}-01-20`,
  completionDate: `${year + 1}-02-10`,
});

const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** The calendar date in Korea at an instant (yyyy-mm-dd). */
export const koreanDate = (at: Date): string => new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Where year N stands on a Korean date:
 *   not-started       before 1 January of N
 *   open              1 Jan – 31 Dec
 *   exception-window  1 – 20 Jan of N + 1: only the listed exceptions post (출납정리기한)
 *   completion        21 Jan – 10 Feb of N + 1: only the completion of cash work already done
 *   locked            from 11 Feb of N + 1: nothing posts into N (출납사무 완결)
 */
export type FiscalPhase = 'not-started' | 'open' | 'exception-window' | 'completion' | 'locked';

export function fiscalPhase(year: number, today: string): FiscalPhase {
  const dates = fiscalDates(year);
  if (today < dates.firstDay) return 'not-started';
  if (today <= dates.cashBooksClose) return 'open';
  if (today <= dates.exceptionDeadline) return 'exception-window';
  if (today <= dates.completionDate) return 'completion';
  return 'locked';
}

/** Nothing changes year N once its cash work is complete (지방회계법 제7조제3항). */
export const yearLocked = (year: number, today: string): Refusal =>
  refusal(
    'unprocessable',
    'fiscal-year-locked',
    `fiscal year ${year} is locked: its cash work was to be finished by ${fiscalDates(year).completionDate} (today is ${today})`,
    { rule: '지방회계법 제7조제3항 (출납사무 완결기한)', window: 'locked', year, today, completionDate: fiscalDates(year).completionDate },
  );
