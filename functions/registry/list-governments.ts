import { apiHandler } from '#shared/http/api-handler.ts';
import { listGovernments as readGovernments } from '#shared/stores/registry/governments.ts';
import { listGovernments } from '#shared/routes/registry.ts';

export const handler = apiHandler(listGovernments, async ({ query }) => {
  const items = (await readGovernments()).filter(
    (g) => (query.level === undefined || g.level === query.level) && (query.parent === undefined || g.parentCode === query.parent),
  );
  return { body: { items, count: items.length } };
});
