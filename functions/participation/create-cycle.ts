import { apiHandler } from '#shared/http/api-handler.ts';
import { createCycle, cycleView } from '#shared/stores/participation/cycle.ts';
import { createParticipationCycle } from '#shared/routes/participation.ts';

export const handler = apiHandler(createParticipationCycle, async ({ params, body, request }) => ({
  body: cycleView(await createCycle(request, params.gov, params.year, body)),
}));
