import { listGovernments } from '#shared/application/registry/list-governments.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listGovernments as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ query }) => {
  const items = await listGovernments(query);
  return { body: { items, count: items.length } };
});
