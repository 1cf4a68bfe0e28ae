import { apiHandler } from '#shared/http/api-handler.ts';
import { publicView, reviewProposal } from '#shared/stores/participation/proposals.ts';
import { reviewParticipationProposal } from '#shared/routes/participation.ts';

export const handler = apiHandler(reviewParticipationProposal, async ({ params, body, request }) => ({
  body: publicView(await reviewProposal(request, params.gov, params.year, params.proposalId, body), false),
}));
