import { apiHandler } from '#shared/http/api-handler.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { requireCycle } from '#shared/stores/participation/cycle.ts';
import { getParticipationResult } from '#shared/routes/participation.ts';

export const handler = apiHandler(getParticipationResult, async ({ params }) => {
  const cycle = await requireCycle(params.gov, params.year);
  if (!cycle.result)
    throw notFound(
      'result-not-published',
      `the ${params.year} cycle of government ${params.gov} is ${cycle.state}; its result is published when it closes`,
    );
  return { body: { gov: params.gov, year: params.year, ...cycle.result } };
});
