import { apiHandler } from '#shared/http/api-handler.ts';
import { notFound } from '#shared/domain/refusal.ts';
import { getGovernment as readGovernment } from '#shared/stores/registry/governments.ts';
import { getGovernment } from '#shared/routes/registry.ts';

export const handler = apiHandler(getGovernment, async ({ params }) => {
  const government = await readGovernment(params.gov);
  if (!government) throw notFound('government-not-found', `government ${params.gov} is not in the registry`);
  return { body: government };
});
