import { fiscalDates, fiscalPhase, koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Whether a document of `originYear` may be settled by a posting of `year` as 과년도 (a closed
 * year's receipt or payment): the origin year is earlier and its cash work is complete at `now`
 * (출납사무 완결, 10 February: 지방회계법 제7조제3항). Until then the old year still receives and pays
 * for itself (제7조제1항 단서) and nothing is 과년도:
 *   지방회계법 제27조제1항: 출납이 완결된 회계연도에 속하는 수입 … 은 모두 현 회계연도의 세입에 편입
 *   지방회계법 제37조: 지난 회계연도에 속하는 채무확정액으로서 지출하지 아니한 경비는 현 회계연도의
 *                     세출예산에서 지출할 수 있으며 …
 */
export function priorYearRefusal(originYear: number, year: number, now: Date, rule: string): Refusal | undefined {
  const today = koreanDate(now);
  if (originYear >= year) {
    return refusal(
      'unprocessable',
      'not-a-prior-year',
      `a document of ${originYear} is not of a year before ${year}: post it in its own year`,
      {
        rule,
        originYear,
        year,
      },
    );
  }
  if (fiscalPhase(originYear, today) !== 'locked') {
    const completionDate = fiscalDates(originYear).completionDate;
    return refusal(
      'unprocessable',
      'prior-year-not-complete',
      `the cash work of ${originYear} completes on ${completionDate}; until then it receives and pays in its own year (today is ${today})`,
      { rule: `${rule}; 지방회계법 제7조제3항`, originYear, year, today, completionDate },
    );
  }
  return undefined;
}
