import { listRegisteredMachineClients } from '#shared/application/registry/machine-clients.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listMachineClients as route } from '#shared/routes/registry.ts';

export const handler = apiHandler(route, async () => ({ body: { items: await listRegisteredMachineClients() } }));
