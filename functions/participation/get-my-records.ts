import { getMyRecords } from '#shared/application/participation/get-my-records.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getMyParticipationRecords } from '#shared/routes/participation.ts';

export const handler = apiHandler(getMyParticipationRecords, async ({ params, caller }) => ({
  body: await getMyRecords(params.gov, params.year, requireCaller(caller).sub),
}));
