/** Calendar arithmetic on ISO dates (YYYY-MM-DD) for the subsidy deadlines; no time zones, no clocks. Source: practice (calendar arithmetic in Korean dates). */

export interface Period {
  readonly start: string;
  readonly end: string;
}

const parts = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number);
  return [y as number, m as number, d as number];
};
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` later; a day the target month lacks becomes its last day (31 Oct + 4 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole months from `from` to `to` (0 when `to` is before `from` + 1 month). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  return months;
}

export const yearEnd = (year: number): string => `${pad(year, 4)}-12-31`;
export const yearOf = (date: string): number => Number(date.slice(0, 4));

export const overlaps = (a: Period, b: Period): boolean => a.start <= b.end && b.start <= a.end;
