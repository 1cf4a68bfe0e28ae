import type { ChangeKind } from '#shared/domain/budget/budget-change.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * Statutory dates of the original budget (지방자치법 §142, as renumbered in 2022): a 시·도
 * submits its draft 50 days and the council resolves 15 days before the fiscal year begins;
 * a 시·군·구 40 and 10 days. Missing one is reported as a warning on the version, not refused.
 */
export type GovernmentLevel = 'metropolitan' | 'basic';

export interface StatutoryDeadlines {
  /** Last day (YYYY-MM-DD, Korean calendar date) on which the head may submit. */
  readonly submitBy: string;
  /** Last day on which the council may resolve. */
  readonly resolveBy: string;
}

export interface VersionWarning {
  readonly code: 'late-submission' | 'late-resolution';
  readonly detail: string;
  readonly deadline: string;
  readonly actual: string;
}

const daysBeforeYear = (year: number, days: number): string => new Date(Date.UTC(year, 0, 1 - days)).toISOString().slice(0, 10);

export function statutoryDeadlines(level: GovernmentLevel, year: number): StatutoryDeadlines {
  const [submitDays, resolveDays] = level === 'metropolitan' ? [50, 15] : [40, 10];
  return { submitBy: daysBeforeYear(year, submitDays), resolveBy: daysBeforeYear(year, resolveDays) };
}

/** The Korean calendar date (UTC+9, no daylight saving) of an instant. */
export const koreanDate = (instant: string): string => new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);

/** The warning for taking `step` at `instant`, if it is after the statutory date. */
export function deadlineWarning(
  step: 'submit' | 'resolve',
  level: GovernmentLevel,
  year: number,
  instant: string,
): VersionWarning | undefined {
  const deadlines = statutoryDeadlines(level, year);
  const deadline = step === 'submit' ? deadlines.submitBy : deadlines.resolveBy;
  const actual = koreanDate(instant);
  if (actual <= deadline) return undefined;
  const what = step === 'submit' ? 'submitted to the council' : 'resolved by the council';
  return {
    code: step === 'submit' ? 'late-submission' : 'late-resolution',
    detail: `the ${year} budget was ${what} on ${actual}, after the statutory date ${deadline}`,
    deadline,
    actual,
  };
}

/**
 * The changes the head reports to the council each quarter, with the article read in legalize-kr:
 * 전용 (지방재정법 §49③) and 이체 (§47의2② 후단), "분기별로 분기만료일이 속하는 달의 다음 달 말일까지".
 * 이용 needs the council's prior 예산총칙 clause instead (§47의2①); 예비비 goes with the 결산 (§43④).
 */
export const quarterlyReportBasis: Readonly<Partial<Record<ChangeKind, string>>> = {
  diversion: '지방재정법 §49③',
  reallocation: '지방재정법 §47의2②',
};

/** The last day of the month after the quarter ends: 30 April, 31 July, 31 October, 31 January of year + 1. */
export const quarterlyReportDue = (year: number, quarter: number): string =>
  new Date(Date.UTC(year, 3 * quarter + 1, 0)).toISOString().slice(0, 10);

/**
 * Where a quarter's report to the council stands against its due day (§49③, §47의2②): `submitted`
 * (`late` when after `dueBy`), `overdue` (not submitted and `dueBy` has passed) or `due`.
 */
export function quarterlyReportStatus(dueBy: string, submittedOn: string | undefined, today: string) {
  if (submittedOn !== undefined) return { status: 'submitted' as const, late: submittedOn > dueBy };
  return { status: today > dueBy ? ('overdue' as const) : ('due' as const), late: today > dueBy };
}

/**
 * A report covers a whole quarter, so it is submitted after the quarter's last day, and on a day that
 * has come (practice: §49③ and §47의2② date only the deadline, "분기만료일이 속하는 달의 다음 달 말일까지").
 */
export function quarterlyReportDateRefusal(year: number, quarter: number, submittedOn: string, today: string): Refusal | undefined {
  const quarterEnds = new Date(Date.UTC(year, 3 * quarter, 0)).toISOString().slice(0, 10);
  if (submittedOn > quarterEnds && submittedOn <= today) return undefined;
  return refusal(
    'unprocessable',
    'quarterly-report-date',
    `the report of ${year} Q${quarter} is submitted after ${quarterEnds} and not after today (${today}); got ${submittedOn}`,
    { rule: 'quarter end < submittedOn ≤ today', basis: '지방재정법 §49③, §47의2② (practice)', quarterEnds, today, submittedOn },
  );
}
