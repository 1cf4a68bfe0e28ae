import { getResult } from '#shared/application/participation/get-result.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getParticipationResult } from '#shared/routes/participation.ts';

export const handler = apiHandler(getParticipationResult, async ({ params }) => ({ body: await getResult(params.gov, params.year) }));
