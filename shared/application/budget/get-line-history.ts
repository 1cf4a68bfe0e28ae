import { notFound } from '#shared/domain/refusal.ts';
import { lineAllotments } from '#shared/stores/budget/allotments.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';
import { getLines, listVersions, versionLinesPartition } from '#shared/stores/budget/version.ts';

/** A line's amount in every version of the year, its control item and its allotments; 404 when no version has it. */
export async function getLineHistory(gov: string, year: number, lineId: string) {
  const versions = await listVersions(gov, year);
  const [lines, control, allotments] = await Promise.all([
    getLines(versions, [lineId]),
    getLineControl(gov, year, lineId),
    lineAllotments(gov, year, lineId),
  ]);
  if (lines.size === 0 && !control) throw notFound('line-not-found', `no version of the ${year} budget of ${gov} has line ${lineId}`);
  return {
    gov,
    year,
    lineId,
    versions: versions.map((version) => ({
      number: version.number,
      state: version.state,
      amount: lines.get(`${versionLinesPartition(version)}|${lineId}`)?.amount ?? null,
    })),
    control: control
      ? { budget: control.budget, allotted: control.allotted, mandatory: control.mandatory, provisional: control.provisional }
      : null,
    allotments,
  };
}
