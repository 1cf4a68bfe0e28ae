import { listProposals } from '#shared/application/participation/list-proposals.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listParticipationProposals } from '#shared/routes/participation.ts';

export const handler = apiHandler(listParticipationProposals, async ({ params, query }) => ({
  body: await listProposals(params.gov, params.year, query),
}));
