/**
 * Closing periods are stored under keys (`YEAR`, `MONTH#2026-11`, `DAY#2026-11-24`); a client reads
 * them in words and as plain fields, never as keys (issue #18). Source: practice.
 */
export interface PeriodForClient {
  readonly periodKind: 'year' | 'month' | 'day';
  /** yyyy-mm of a month, yyyy-mm-dd of a day; the fiscal year for the year. */
  readonly period: string;
}

export function periodForClient(key: string, year: number): PeriodForClient {
  if (key.startsWith('MONTH#')) return { periodKind: 'month', period: key.slice('MONTH#'.length) };
  if (key.startsWith('DAY#')) return { periodKind: 'day', period: key.slice('DAY#'.length) };
  return { periodKind: 'year', period: String(year) };
}

/** "the month 2026-11 of fiscal year 2026", "the day 2026-11-24 of fiscal year 2026", "fiscal year 2026". */
export function periodInWords(key: string, year: number): string {
  const { periodKind, period } = periodForClient(key, year);
  return periodKind === 'year' ? `fiscal year ${year}` : `the ${periodKind} ${period} of fiscal year ${year}`;
}
