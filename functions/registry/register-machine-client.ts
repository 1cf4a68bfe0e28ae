import { registerMachineClient } from '#shared/application/registry/machine-clients.ts';
import { machineClientSpec } from '#shared/auth/machine-clients.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { registerMachineClient as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async ({ params, body, request }) => ({
  body: await registerMachineClient(params.clientId, machineClientSpec(body), request.caller?.sub ?? 'anonymous', request),
}));
