import { setConcurrentRoles } from '#shared/application/registry/concurrent-roles.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { putConcurrentRoles as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ params, body, request }) => {
  const { expectedRevision, ...config } = body;
  return { body: await setConcurrentRoles(request, params.gov, config, expectedRevision) };
});
