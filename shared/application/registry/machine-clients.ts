import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { machineClientSpec, maxGovernmentsPerClient, parseMachineClientSpec, parseMachineClients } from '#shared/auth/machine-clients.ts';
import type { MachineClient } from '#shared/auth/machine-clients.ts';
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
 * national operators register a Cognito client-credentials client for one government or a set of
 * them (a bank for the governments whose 금고 it is, an operator for those whose department systems
 * it runs) in a machine role (the treasury bank link, department systems), suspend it, and list them. The API reads the
 * registry on every machine token (shared/wiring/machine-client-registry.ts); the token's scopes must
 * still back the role (shared/auth/claims.ts). Through the API (`/machine-clients`, the ministry) each
 * change carries an audit record in each of the client's governments (the change is theirs to audit);
 * the CLI's operator changes carry none.
 *
 * `spec` is `role@government` or `role@government+government…`; registering again replaces the set.
 */
export async function registerMachineClient(
  clientId: string,
  spec: string,
  by: string,
  request?: RequestInfo,
): Promise<MachineClientRegistration> {
  let parsed: MachineClient;
  try {
    parsed = parseMachineClientSpec(spec);
  } catch (error) {
    throw invalid('invalid-request', (error as Error).message);
  }
  await assertGovernmentsExist(parsed.govs);
  // A government the new set drops sees the change in its own audit records too.
  const before = request ? await findMachineClient(clientId) : undefined;
  const audited = [...new Set([...parsed.govs, ...(before?.govs ?? [])])];
  if (audited.length > maxGovernmentsPerClient) {
    throw invalid(
      'invalid-request',
      `the old and the new set of ${clientId} name ${audited.length} governments, more than one change can audit (${maxGovernmentsPerClient}): change it in two steps`,
    );
  }
  const registration: MachineClientRegistration = {
    clientId,
    role: parsed.role,
    govs: parsed.govs,
    status: 'active',
    updatedAt: now().toISOString(),
    updatedBy: by,
  };
  await save(registration, 'machine-client.register', request, audited);
  return registration;
}

/**
 * Registers a list in HOJO_MACHINE_CLIENTS' format (`clientId=role@government+…,…`), as `HojoData`'s
 * output `MachineClients` gives the clients the stack made. The whole list is checked
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
  await assertGovernmentsExist([...clients.values()].flatMap((c) => c.govs));
  const registered: MachineClientRegistration[] = [];
  for (const [clientId, client] of clients) registered.push(await registerMachineClient(clientId, machineClientSpec(client), by));
  return registered;
}

async function assertGovernmentsExist(govs: readonly string[]): Promise<void> {
  for (const gov of new Set(govs)) {
    if (!(await findGovernment(gov))) throw notFound('government-not-found', `no government has the code ${gov}`);
  }
}

/** Suspends a registered client: its tokens act for nobody, in none of its governments, from the next minute on. */
export async function suspendMachineClient(clientId: string, by: string, request?: RequestInfo): Promise<MachineClientRegistration> {
  const registered = await findMachineClient(clientId);
  if (!registered) throw notFound('machine-client-not-found', `no machine client ${clientId} is registered`);
  const suspended: MachineClientRegistration = { ...registered, status: 'suspended', updatedAt: now().toISOString(), updatedBy: by };
  await save(suspended, 'machine-client.suspend', request);
  return suspended;
}

/**
 * Writes a registration; from the API, with the request's audit record in each government concerned
 * (the client's, and those a new set drops), each naming the set, in the same transaction: at most
 * 99 of them (maxGovernmentsPerClient) and the registration.
 */
async function save(
  registration: MachineClientRegistration,
  operation: string,
  request: RequestInfo | undefined,
  govs: readonly string[] = registration.govs,
): Promise<void> {
  if (!request) return putMachineClient(registration);
  const target = `machine-client ${registration.clientId} (${machineClientSpec(registration)})`;
  const audits = govs.map((gov) => auditPut(tableName(), auditRecord(request, { gov, operation, target })));
  await transact({ registration: machineClientPut(registration), audits });
}

export const listRegisteredMachineClients = (): Promise<MachineClientRegistration[]> => listMachineClients();
