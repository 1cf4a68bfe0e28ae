import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { parseMachineClients } from '#shared/auth/machine-clients.ts';
import { now } from '#shared/clock.ts';
import { tableName } from '#shared/config/env.ts';
import { invalid, notFound } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { findGovernment } from '#shared/stores/registry/governments.ts';
import { findMachineClient, listMachineClients, machineClientPut, putMachineClient } from '#shared/stores/registry/machine-clients.ts';
import { transact } from '#shared/stores/table/transact.ts';
import type { MachineClientRegistration } from '#shared/stores/registry/machine-clients.ts';

/**
 * Managing the machine-client registry (issue #19, finding 10; `npm run machine-clients`): the
 * national operators register a Cognito client-credentials client for one government in a machine
 * role (the treasury bank link, department systems), suspend it, and list them. The API reads the
 * registry on every machine token (shared/wiring/machine-client-registry.ts); the token's scopes must
 * still back the role (shared/auth/claims.ts). Through the API (`/machine-clients`, the ministry) each
 * change carries its audit record in the client's government; the CLI's operator changes carry none.
 */
export async function registerMachineClient(
  clientId: string,
  roleAtGov: string,
  by: string,
  request?: RequestInfo,
): Promise<MachineClientRegistration> {
  let parsed: { role: MachineClientRegistration['role']; gov: string } | undefined;
  try {
    parsed = parseMachineClients(`${clientId}=${roleAtGov}`).get(clientId);
  } catch (error) {
    throw invalid('invalid-request', (error as Error).message.replace(/^HOJO_MACHINE_CLIENTS: /, ''));
  }
  if (!parsed) throw invalid('invalid-request', 'give the client as <clientId> <role>@<government>');
  if (!(await findGovernment(parsed.gov))) throw notFound('government-not-found', `no government has the code ${parsed.gov}`);
  const registration: MachineClientRegistration = {
    clientId,
    role: parsed.role,
    gov: parsed.gov,
    status: 'active',
    updatedAt: now().toISOString(),
    updatedBy: by,
  };
  await save(registration, 'machine-client.register', request);
  return registration;
}

/**
 * Registers a list in HOJO_MACHINE_CLIENTS' format (`clientId=role@government,…`), as `HojoData`'s
 * output `MachineClients` gives the per-government clients the stack made. The whole list is checked
 * first (its format and every government), so a mistake registers none of it; registering again is
 * harmless (re-registers as active).
 */
export async function registerMachineClients(list: string, by: string): Promise<MachineClientRegistration[]> {
  let clients: ReturnType<typeof parseMachineClients>;
  try {
    clients = parseMachineClients(list);
  } catch (error) {
    throw invalid('invalid-request', (error as Error).message.replace(/^HOJO_MACHINE_CLIENTS: /, ''));
  }
  for (const gov of new Set([...clients.values()].map((c) => c.gov))) {
    if (!(await findGovernment(gov))) throw notFound('government-not-found', `no government has the code ${gov}`);
  }
  const registered: MachineClientRegistration[] = [];
  for (const [clientId, { role, gov }] of clients) registered.push(await registerMachineClient(clientId, `${role}@${gov}`, by));
  return registered;
}

/** Suspends a registered client: its tokens act for nobody from the next minute on. */
export async function suspendMachineClient(clientId: string, by: string, request?: RequestInfo): Promise<MachineClientRegistration> {
  const registered = await findMachineClient(clientId);
  if (!registered) throw notFound('machine-client-not-found', `no machine client ${clientId} is registered`);
  const suspended: MachineClientRegistration = { ...registered, status: 'suspended', updatedAt: now().toISOString(), updatedBy: by };
  await save(suspended, 'machine-client.suspend', request);
  return suspended;
}

/** Writes a registration; from the API, with the audit record of the request (same transaction). */
async function save(registration: MachineClientRegistration, operation: string, request: RequestInfo | undefined): Promise<void> {
  if (!request) return putMachineClient(registration);
  const audit = auditRecord(request, { gov: registration.gov, operation, target: `machine-client ${registration.clientId}` });
  await transact({ registration: machineClientPut(registration), audit: auditPut(tableName(), audit) });
}

export const listRegisteredMachineClients = (): Promise<MachineClientRegistration[]> => listMachineClients();
