import { lineNotControlled } from '#shared/domain/budget/allotment.ts';
import { lineStatus } from '#shared/domain/budget/line-status.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';

/** 집행현황 of one line: one consistent read of its control item (never the postings). */
export async function getLineStatus(gov: string, year: number, lineId: string) {
  const control = await getLineControl(gov, year, lineId);
  if (!control) throw new Refused(lineNotControlled(gov, year, lineId));
  return { gov, year, ...lineStatus(control) };
}
