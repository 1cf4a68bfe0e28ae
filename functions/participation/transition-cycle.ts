import { apiHandler } from '#shared/http/api-handler.ts';
import { cycleView, transitionCycle } from '#shared/stores/participation/cycle.ts';
import { transitionParticipationCycle } from '#shared/routes/participation.ts';

export const handler = apiHandler(transitionParticipationCycle, async ({ params, body, request }) => ({
  body: cycleView(await transitionCycle(request, params.gov, params.year, body.action)),
}));
