/**
 * The repayment schedule of a local bond or borrowing (지방채), generated when it is issued:
 *   bullet           the whole principal at maturity (만기일시상환);
 *   equal-principal  n equal principal instalments every `intervalMonths`, the last at maturity
 *                    (원금균등분할상환). Won has no fraction: each instalment is ⌊principal / n⌋ and
 *                    the remainder (< n won) is added to the first, so the instalments always add
 *                    up to the principal exactly.
 * Interest of each instalment is on the balance outstanding over its period, actual/365 days,
 * truncated to the won: ⌊balance × rateBp × days / (10,000 × 365)⌋, in bigint.
 */
export type RepaymentMethod = 'bullet' | 'equal-principal';

export interface ScheduleTerms {
  readonly principal: number;
  /** Annual rate in basis points (350 = 3.50%). */
  readonly rateBp: number;
  readonly issueDate: string;
  readonly maturityDate: string;
  readonly method: RepaymentMethod;
  /** equal-principal only. */
  readonly installments?: number;
  readonly intervalMonths?: number;
}

export interface Installment {
  readonly number: number;
  readonly dueDate: string;
  readonly principal: number;
  readonly interest: number;
  readonly balanceAfter: number;
}

export type ScheduleResult =
  | { readonly ok: true; readonly installments: readonly Installment[] }
  | { readonly ok: false; readonly reason: string };

export function repaymentSchedule(terms: ScheduleTerms): ScheduleResult {
  if (terms.maturityDate <= terms.issueDate)
    return { ok: false, reason: `maturity ${terms.maturityDate} must be after the issue date ${terms.issueDate}` };
  const count = terms.method === 'bullet' ? 1 : (terms.installments ?? 0);
  const interval = terms.method === 'bullet' ? 0 : (terms.intervalMonths ?? 0);
  if (count < 1 || (terms.method === 'equal-principal' && interval < 1))
    return { ok: false, reason: 'equal-principal repayment needs installments ≥ 1 and intervalMonths ≥ 1' };
  if (count > terms.principal) return { ok: false, reason: `${count} instalments cannot split ${terms.principal} won into whole won` };
  const dueDates = Array.from({ length: count }, (_, index) => addMonths(terms.maturityDate, -interval * (count - 1 - index)));
  const first = dueDates[0] as string;
  if (first <= terms.issueDate)
    return { ok: false, reason: `the first instalment would fall on ${first}, not after the issue date ${terms.issueDate}` };

  const base = Math.floor(terms.principal / count);
  const remainder = terms.principal - base * count;
  let balance = BigInt(terms.principal);
  let from = terms.issueDate;
  const installments = dueDates.map((dueDate, index): Installment => {
    const principal = base + (index === 0 ? remainder : 0);
    const interest = (balance * BigInt(terms.rateBp) * BigInt(daysBetween(from, dueDate))) / 3_650_000n;
    balance -= BigInt(principal);
    from = dueDate;
    return { number: index + 1, dueDate, principal, interest: Number(interest), balanceAfter: Number(balance) };
  });
  return { ok: true, installments };
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Calendar month arithmetic on ISO dates; a day past the end of the target month becomes its last day (31 Aug − 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
