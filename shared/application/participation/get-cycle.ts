import { requireCycle } from '#shared/application/participation/lookups.ts';
import { cycleView } from '#shared/application/participation/views.ts';
import type { Cycle } from '#shared/schemas/participation.ts';

/** A government's cycle of a year, public: its state, settings, counters and the actions allowed now. */
export async function getCycle(gov: string, year: number): Promise<Cycle> {
  return cycleView(await requireCycle(gov, year));
}
