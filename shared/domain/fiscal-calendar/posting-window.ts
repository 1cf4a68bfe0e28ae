import { cashClosingExceptions } from '#shared/domain/fiscal-calendar/exceptions.ts';
import type { CashClosingExceptionCode } from '#shared/domain/fiscal-calendar/exceptions.ts';
import { fiscalDates, fiscalPhase, koreanDate, yearLocked } from '#shared/domain/fiscal-calendar/calendar.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** The posting kinds by side; a correction reverses either. */
const EXPENDITURE = new Set(['commit', 'resolve', 'order', 'pay', 'settle', 'cancel', 'reduce', 'prior-year-commit']);
/** A 반납 brings money in: its listed exceptions (선금급 반납, 정산반납 …) are those of receipts. */
const REVENUE = new Set(['assess', 'notice', 'receive', 'refund', 'prior-year-receive', 'write-off', 'suspend-collection', 'return']);
/**
 * Completion work that may run until 10 February without an exception: corrections and
 * cancellations (they move no cash; 출납사무 완결, 지방회계법 제7조제3항 — which work counts as
 * completion is practice [U], see the project's execution rules §2.1).
 */
const ADJUSTMENTS = new Set(['correct', 'cancel', 'reduce']);
/** The treasury's record of a payment or receipt already made within the year (practice [U]). */
const CASH_EVENTS = new Set(['pay', 'receive', 'return']);

export interface DatedPosting {
  readonly year: number;
  readonly kind: string;
  /** The posting's date (yyyy-mm-dd). */
  readonly date: string;
  readonly exceptionCode?: string | undefined;
}

/**
 * Whether a posting of fiscal year `year`, dated `date`, may be accepted at `now` (its acceptance
 * time; the consumer judges it on the same instant, so the API and the consumer agree):
 *   - no posting is dated after today in Korea (practice: a book records what has happened);
 *   - its date lies in its year, or in the days after it that the law leaves open (until 10 Feb);
 *   - until 31 Dec everything posts; after 출납 폐쇄 (지방회계법 제7조제1항) only
 *       · corrections and cancellations (completion work, until 10 Feb),
 *       · the treasury's record of a payment or receipt dated within the year (until 10 Feb),
 *       · until 20 Jan, postings that name one of the listed exceptions (exceptions.ts) of their side,
 *         dated by 20 Jan (지방회계법 제7조제1항 단서; 회계령 제3조, 제34조);
 *   - from 11 Feb nothing (지방회계법 제7조제3항).
 */
export function postingWindowRefusal(posting: DatedPosting, now: Date): Refusal | undefined {
  const { year, kind, date } = posting;
  const today = koreanDate(now);
  const dates = fiscalDates(year);
  if (date > today) {
    return refusal('unprocessable', 'posting-date-in-future', `a posting cannot be dated ${date}, after today (${today} in Korea)`, {
      rule: 'practice: a posting records what has happened',
      date,
      today,
    });
  }
  if (date < dates.firstDay || date > dates.completionDate) {
    return refusal('unprocessable', 'wrong-year', `a posting of fiscal year ${year} cannot be dated ${date}`, {
      rule: '지방회계법 제6조제1항, 제7조',
      year,
      date,
    });
  }
  const phase = fiscalPhase(year, today);
  if (phase === 'locked') return yearLocked(year, today);
  if (phase === 'open' || phase === 'not-started') return undefined;
  if (ADJUSTMENTS.has(kind)) return undefined;
  const windowEnded = refusal(
    'unprocessable',
    'cash-closing-window-ended',
    `the 출납정리기한 of fiscal year ${year} ended on ${dates.exceptionDeadline}; until ${dates.completionDate} only corrections, cancellations and records of cash already moved`,
    { rule: '지방회계법 제7조제1항 단서, 제3항; 회계령 제34조', window: 'completion', year, today, date, kind },
  );
  if (phase === 'completion' && !CASH_EVENTS.has(kind)) return windowEnded;
  if (date > dates.exceptionDeadline) return windowEnded;
  if (date <= dates.cashBooksClose && CASH_EVENTS.has(kind)) return undefined;
  const code = posting.exceptionCode as CashClosingExceptionCode | undefined;
  if (code === undefined) {
    return refusal(
      'unprocessable',
      'cash-books-closed',
      `the cash books of fiscal year ${year} closed on ${dates.cashBooksClose}; until ${dates.exceptionDeadline} a ${kind} posting needs an exceptionCode of the listed exceptions`,
      { rule: '지방회계법 제7조제1항; 회계령 제3조, 제34조', window: 'exception-window', year, today, date, kind },
    );
  }
  const exception = cashClosingExceptions[code];
  const side = EXPENDITURE.has(kind) ? 'expenditure' : REVENUE.has(kind) ? 'revenue' : 'either';
  if (exception.side !== 'either' && exception.side !== side) {
    return refusal(
      'unprocessable',
      'exception-not-applicable',
      `exception ${code} (${exception.source}) is for ${exception.side}, not a ${kind} posting`,
      {
        rule: exception.source,
        window: 'exception-window',
        exceptionCode: code,
        kind,
      },
    );
  }
  return undefined;
}
