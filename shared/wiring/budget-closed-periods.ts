import type { ClosedPeriodSource, OpenPeriodChecks } from '#shared/application/budget/closed-periods.ts';
import { markerAbsent, markerState } from '#shared/stores/settlement/close-markers.ts';

/**
 * Budgeting reads settlement's close markers through `ClosedPeriodSource` (an interface it owns): a
 * period being closed counts as closed, as it does for postings.
 */
export const closedPeriodSource: ClosedPeriodSource = async (gov, year, month) => {
  const [yearMarker, monthMarker] = await Promise.all([
    markerState(gov, year, 'YEAR'),
    month === undefined ? Promise.resolve(undefined) : markerState(gov, year, `MONTH#${month}`),
  ]);
  if (yearMarker) return 'year';
  return monthMarker ? 'month' : undefined;
};

/** The same markers as conditions of budget's own transactions (`OpenPeriodChecks`): any marker, closing or closed, fails them. */
export const openPeriodChecks: OpenPeriodChecks = (gov, year, month) => ({
  yearOpen: markerAbsent(gov, year, 'YEAR'),
  monthOpen: month === undefined ? [] : markerAbsent(gov, year, `MONTH#${month}`),
});
