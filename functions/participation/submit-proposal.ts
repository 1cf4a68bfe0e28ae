import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { publicView, submitProposal } from '#shared/stores/participation/proposals.ts';
import { submitParticipationProposal } from '#shared/routes/participation.ts';

export const handler = apiHandler(submitParticipationProposal, async ({ params, body, caller, request }) => ({
  body: publicView(await submitProposal(request, params.gov, params.year, requireCaller(caller).sub, body), false),
}));
