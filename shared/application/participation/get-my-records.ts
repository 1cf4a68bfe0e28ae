import { requireCycle } from '#shared/application/participation/lookups.ts';
import { publicView } from '#shared/application/participation/views.ts';
import { proposalsOf } from '#shared/stores/participation/proposals.ts';
import { votesOf } from '#shared/stores/participation/votes.ts';

/** A resident's own proposals and votes in a cycle: the stores key them by the caller's sub, so nobody else's come back. */
export async function getMyRecords(gov: string, year: number, sub: string) {
  const cycle = await requireCycle(gov, year);
  const [proposals, votes] = await Promise.all([proposalsOf(gov, year, sub), votesOf(gov, year, sub)]);
  const closed = cycle.state === 'closed';
  return {
    proposals: proposals.map((proposal) => publicView(proposal, closed)),
    votes,
    votesUsed: votes.length,
    voteLimit: cycle.voteLimit,
  };
}
