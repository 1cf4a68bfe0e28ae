import { Refused, refusal } from '#shared/domain/refusal.ts';

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
  if (which === 'year') {
    throw new Refused(
      refusal('unprocessable', 'year-closed', `fiscal year ${year} of ${gov} is closed; its budget can no longer change`, {
        rule: 'practice: closed books stay closed',
        year,
      }),
    );
  }
  if (which === 'month') {
    throw new Refused(
      refusal('unprocessable', 'period-closed', `the month ${month} of fiscal year ${year} is closed; nothing is released into it`, {
        rule: 'practice: closed books stay closed',
        year,
        periodKind: 'month',
        period: month,
      }),
    );
  }
}
