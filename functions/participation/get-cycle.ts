import { getCycle } from '#shared/application/participation/get-cycle.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getParticipationCycle } from '#shared/routes/participation.ts';

export const handler = apiHandler(getParticipationCycle, async ({ params }) => ({ body: await getCycle(params.gov, params.year) }));
