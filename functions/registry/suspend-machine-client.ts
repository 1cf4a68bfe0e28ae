import { suspendMachineClient } from '#shared/application/registry/machine-clients.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { suspendMachineClient as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ params, request }) => ({
  body: await suspendMachineClient(params.clientId, request.caller?.sub ?? 'anonymous', request),
}));
