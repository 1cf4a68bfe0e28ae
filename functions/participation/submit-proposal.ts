import { submitProposal } from '#shared/application/participation/submit-proposal.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { submitParticipationProposal } from '#shared/routes/participation.ts';

export const handler = apiHandler(submitParticipationProposal, async ({ params, body, caller, request }) => ({
  body: await submitProposal(request, params.gov, params.year, requireCaller(caller).sub, body),
}));
