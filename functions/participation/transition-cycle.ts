import { transitionCycle } from '#shared/application/participation/transition-cycle.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { transitionParticipationCycle } from '#shared/routes/participation.ts';

export const handler = apiHandler(transitionParticipationCycle, async ({ params, body, request }) => ({
  body: await transitionCycle(request, params.gov, params.year, body.action),
}));
