import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultDataDir, usesExternalEndpoints } from '#infra/cli/data-dir.ts';
import { useRunningStack } from '#infra/cli/stack-target.ts';
import {
  listRegisteredMachineClients,
  registerMachineClient,
  registerMachineClients,
  suspendMachineClient,
} from '#shared/application/registry/machine-clients.ts';
import { machineClientSpec } from '#shared/auth/machine-clients.ts';
import { Refused } from '#shared/domain/refusal.ts';

const USAGE = `npm run machine-clients -- register <clientId> <role>@<government>[+<government>…] [--data-dir .data] [--external]
npm run machine-clients -- register-all <clientId>=<role>@<government>[+<government>…],… [--data-dir .data] [--external]
npm run machine-clients -- suspend <clientId> [--data-dir .data] [--external]
npm run machine-clients -- list [--data-dir .data] [--external]

The registry of machine clients (OAuth client credentials: the treasury bank link, department
systems) in the table: which governments and role each Cognito client id acts for (a bank: the
governments whose 금고 it is, as treasury_bank@11110+26000; one government for its own client). role
is treasury_bank or department_official; the token must also carry a scope of that role, and acts for
the government of the request's path when it is one of the client's. Registering again replaces the
set. A suspended client acts for nobody within a minute. On the stack of the running \`npm start\`, or with
--external on the endpoints in the environment (TABLE_NAME, AWS_ENDPOINT_URL_DYNAMODB or AWS itself).
register-all takes the list in HOJO_MACHINE_CLIENTS' format, as HojoData's output MachineClients
gives the clients the stack made (-c machineClients=role@government+…,…).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, external: { type: 'boolean' }, help: { type: 'boolean' } },
});
const [command, clientId, spec] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
await useRunningStack(values['data-dir'] ?? defaultDataDir(), usesExternalEndpoints(values.external));
const operator = `operator:${userInfo().username}`;
try {
  if (command === 'register' && clientId && spec) {
    const registered = await registerMachineClient(clientId, spec, operator);
    console.log(`registered ${registered.clientId}: ${machineClientSpec(registered)} (active)`);
  } else if (command === 'register-all' && clientId && !spec) {
    for (const registered of await registerMachineClients(clientId, operator)) {
      console.log(`registered ${registered.clientId}: ${machineClientSpec(registered)} (active)`);
    }
  } else if (command === 'suspend' && clientId) {
    await suspendMachineClient(clientId, operator);
    console.log(`suspended ${clientId}`);
  } else if (command === 'list') {
    for (const c of await listRegisteredMachineClients()) {
      console.log(`${c.clientId}\t${machineClientSpec(c)}\t${c.status}\t${c.updatedAt}\t${c.updatedBy}`);
    }
  } else {
    console.error(USAGE);
    process.exit(2);
  }
} catch (error) {
  if (!(error instanceof Refused)) throw error;
  console.error(`${error.code}: ${error.message}`);
  process.exit(1);
}
