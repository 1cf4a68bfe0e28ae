import { apiHandler } from '#shared/http/api-handler.ts';
import { cycleView, requireCycle } from '#shared/stores/participation/cycle.ts';
import { getParticipationCycle } from '#shared/routes/participation.ts';

export const handler = apiHandler(getParticipationCycle, async ({ params }) => ({
  body: cycleView(await requireCycle(params.gov, params.year)),
}));
