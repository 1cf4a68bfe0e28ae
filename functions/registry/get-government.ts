import { getGovernment } from '#shared/application/registry/get-government.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getGovernment as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ params }) => ({ body: await getGovernment(params.gov) }));
