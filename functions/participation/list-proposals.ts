import { apiHandler } from '#shared/http/api-handler.ts';
import { requireCycle } from '#shared/stores/participation/cycle.ts';
import { listProposals, publicView } from '#shared/stores/participation/proposals.ts';
import { listParticipationProposals } from '#shared/routes/participation.ts';

export const handler = apiHandler(listParticipationProposals, async ({ params, query }) => {
  const cycle = await requireCycle(params.gov, params.year);
  const page = await listProposals(params.gov, params.year, query);
  const closed = cycle.state === 'closed';
  return { body: { items: page.items.map((proposal) => publicView(proposal, closed)), ...(page.cursor ? { cursor: page.cursor } : {}) } };
});
