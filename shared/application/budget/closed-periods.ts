import { Refused, refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { NamedItems } from '#shared/stores/table/transact.ts';

/**
 * Where budgeting learns which periods settlement has closed (or is closing): an interface budget
 * owns, answered by settlement's markers through shared/wiring/budget-closed-periods.ts (budget never
 * imports settlement). `month` is yyyy-mm; the answer names the closed period, or undefined.
 */
export type ClosedPeriodSource = (gov: string, year: number, month?: string) => Promise<'year' | 'month' | undefined>;

/**
 * Allotments, cash allocations and budget changes into a period settlement has closed (or is
 * closing) are refused like postings (practice: closed books stay closed).
 */
export async function refuseClosedPeriod(closed: ClosedPeriodSource, gov: string, year: number, month?: string): Promise<void> {
  const which = await closed(gov, year, month);
  if (which) throw new Refused(closedPeriodRefusal(which, gov, year, month));
}

/**
 * The same question asked inside the write itself: condition checks that fail while the year's (or
 * the month's) close marker exists, named `yearOpen` and `monthOpen`, to add to a transaction. A
 * closing that starts between reading the numbers and writing cannot be missed. Answered by
 * settlement's markers through shared/wiring/budget-closed-periods.ts.
 */
export type OpenPeriodChecks = (gov: string, year: number, month?: string) => NamedItems<'yearOpen' | 'monthOpen'>;

/** The refusal of a write whose `yearOpen` or `monthOpen` check failed; undefined when both held. */
export function closedPeriodFailure(failed: ReadonlySet<string>, gov: string, year: number, month?: string): Refusal | undefined {
  if (failed.has('yearOpen')) return closedPeriodRefusal('year', gov, year, month);
  return failed.has('monthOpen') ? closedPeriodRefusal('month', gov, year, month) : undefined;
}

function closedPeriodRefusal(which: 'year' | 'month', gov: string, year: number, month?: string): Refusal {
  const rule = 'practice: closed books stay closed';
  return which === 'year'
    ? refusal('unprocessable', 'year-closed', `fiscal year ${year} of ${gov} is closed; its budget can no longer change`, { rule, year })
    : refusal('unprocessable', 'period-closed', `the month ${month} of fiscal year ${year} is closed; nothing is released into it`, {
        rule,
        year,
        periodKind: 'month',
        period: month,
      });
}
