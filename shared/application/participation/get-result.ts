import { requireCycle } from '#shared/application/participation/lookups.ts';
import { resultNotPublished } from '#shared/domain/participation/result.ts';
import { Refused } from '#shared/domain/refusal.ts';

/** The published result of a closed cycle: the proposals selected within the budget cap, ranked by votes. */
export async function getResult(gov: string, year: number) {
  const cycle = await requireCycle(gov, year);
  if (!cycle.result) throw new Refused(resultNotPublished(gov, year, cycle.state));
  return { gov, year, ...cycle.result };
}
