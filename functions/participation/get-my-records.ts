import { requireCaller } from '#shared/auth/require-caller.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { requireCycle } from '#shared/stores/participation/cycle.ts';
import { proposalsOf, publicView } from '#shared/stores/participation/proposals.ts';
import { votesOf } from '#shared/stores/participation/votes.ts';
import { getMyParticipationRecords } from '#shared/routes/participation.ts';

export const handler = apiHandler(getMyParticipationRecords, async ({ params, caller }) => {
  const { sub } = requireCaller(caller);
  const cycle = await requireCycle(params.gov, params.year);
  const [proposals, votes] = await Promise.all([proposalsOf(params.gov, params.year, sub), votesOf(params.gov, params.year, sub)]);
  const closed = cycle.state === 'closed';
  return {
    body: {
      proposals: proposals.map((proposal) => publicView(proposal, closed)),
      votes,
      votesUsed: votes.length,
      voteLimit: cycle.voteLimit,
    },
  };
});
