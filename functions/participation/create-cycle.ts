import { createCycle } from '#shared/application/participation/create-cycle.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { createParticipationCycle } from '#shared/routes/participation.ts';

export const handler = apiHandler(createParticipationCycle, async ({ params, body, request }) => ({
  body: await createCycle(request, params.gov, params.year, body),
}));
