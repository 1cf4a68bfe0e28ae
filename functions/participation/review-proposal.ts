import { reviewProposal } from '#shared/application/participation/review-proposal.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { reviewParticipationProposal } from '#shared/routes/participation.ts';

export const handler = apiHandler(reviewParticipationProposal, async ({ params, body, request }) => ({
  body: await reviewProposal(request, params.gov, params.year, params.proposalId, body),
}));
