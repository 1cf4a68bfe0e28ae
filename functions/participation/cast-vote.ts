import { castVote } from '#shared/application/participation/cast-vote.ts';
import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { voteForParticipationProposal } from '#shared/routes/participation.ts';

export const handler = apiHandler(voteForParticipationProposal, async ({ params, caller, request }) => ({
  body: await castVote(request, params.gov, params.year, requireCaller(caller).sub, params.proposalId),
}));
