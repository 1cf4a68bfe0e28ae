/**
 * A listing period of the audit trail: whole days, from and to inclusive, resolved into the
 * monthly partitions (AUDIT#{gov}#{yyyy-mm}) it touches and the sort-key range within them.
 */
export interface AuditPeriod {
  readonly from: string;
  readonly to: string;
  /** yyyy-mm of every month the period touches, in order. */
  readonly months: readonly string[];
  /** Inclusive sort-key bounds: records' keys start with their ISO instant. */
  readonly lowestKey: string;
  readonly highestKey: string;
}

export type PeriodFault =
  | { readonly kind: 'reversed' }
  | { readonly kind: 'too-long'; readonly months: number; readonly maxMonths: number };

/** `from` and `to` are valid YYYY-MM-DD dates (checked by the schema). */
export function auditPeriod(from: string, to: string, maxMonths: number): AuditPeriod | PeriodFault {
  if (from > to) return { kind: 'reversed' };
  const first = monthIndex(from);
  const count = monthIndex(to) - first + 1;
  if (count > maxMonths) return { kind: 'too-long', months: count, maxMonths };
  const months = Array.from({ length: count }, (_, offset) => monthName(first + offset));
  // '~' sorts after every character of an ISO instant, so `${to}~` bounds the whole last day.
  return { from, to, months, lowestKey: from, highestKey: `${to}~` };
}

const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthName = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

export const isPeriodFault = (value: AuditPeriod | PeriodFault): value is PeriodFault => 'kind' in value;
