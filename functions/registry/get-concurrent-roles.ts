import { getConcurrentRoles } from '#shared/application/registry/concurrent-roles.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { getConcurrentRoles as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ params }) => ({ body: await getConcurrentRoles(params.gov) }));
