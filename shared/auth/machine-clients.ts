import type { Role } from '#shared/auth/roles.ts';

/** The OAuth resource server of the API (Cognito prefixes each scope with it: `hojo/payments.confirm`). */
export const resourceServerIdentifier = 'hojo';

/**
 * The kinds of machine client (OAuth client credentials; issue #19, finding 10): the role a client
 * of that kind acts in and the scopes its app client holds. A token's role comes from its scopes,
 * so a department system's client can never act as the bank even if misregistered.
 */
export const machineClientKinds = {
  TreasuryBank: { role: 'treasury_bank', scopes: ['payments.confirm', 'revenue.receive'], description: 'the treasury bank link (금고)' },
  DepartmentSystems: {
    role: 'department_official',
    scopes: ['postings.submit', 'budget.read'],
    description: 'department systems submitting postings',
  },
} as const satisfies Record<string, { role: Role; scopes: readonly string[]; description: string }>;

export type MachineClientKind = keyof typeof machineClientKinds;

/** The machine kind whose clients act in `role` (one kind per role), or undefined for a role no machine has. */
export function machineKindOf(role: string): MachineClientKind | undefined {
  return (Object.keys(machineClientKinds) as MachineClientKind[]).find((kind) => machineClientKinds[kind].role === role);
}

/**
 * One registered machine client: which kind, for which governments. A government designates its
 * 금고 itself (지방회계법 제38조①, at most two: 제38조③) by an agreement with the bank (시행령
 * 제48조③), but the bank is one institution serving many governments through one link to the
 * 지방재정관리시스템 (시행령 제63조②), so one client may act for the set of governments whose 금고
 * it is; likewise an operator running department systems for several governments. One government
 * (`role@11110`) is the set of one.
 */
export interface MachineClient {
  readonly role: Role;
  /** The governments it acts for: one or more, no duplicates, at most {@link maxGovernmentsPerClient}. */
  readonly govs: readonly string[];
}

/**
 * Most governments one client acts for: a registration through the API is written with one audit
 * record in each of its governments in one TransactWriteItems of at most 100 actions (DynamoDB), the
 * registration being the 100th. A bank that is the 금고 of more governments gets one more client per 99.
 */
export const maxGovernmentsPerClient = 99;

/** client_id → its registration; a client not in it is refused whatever its token says. */
export type MachineClientRegistry = ReadonlyMap<string, MachineClient>;

/** The variable holding the registry: `clientId=role@gov` or `clientId=role@gov+gov…`, comma separated. */
export const machineClientsEnv = 'HOJO_MACHINE_CLIENTS';

const machineRoles = new Set<Role>(Object.values(machineClientKinds).map((kind) => kind.role));

/**
 * Parses `role@government` or `role@government+government…` (`treasury_bank@11110+26000`). A
 * malformed spec (no government: an empty set), a role no machine kind has, a government that is not
 * five digits, one named twice or more than {@link maxGovernmentsPerClient} throws: a typo must stop
 * the caller, never open or silently close a client.
 */
export function parseMachineClientSpec(spec: string): MachineClient {
  const match = /^(\w+)@(\d{5}(?:\+\d{5})*)$/.exec(spec);
  if (!match) throw new Error(`"${spec}" is not role@government or role@government+government…`);
  const [, role, list] = match as unknown as [string, Role, string];
  if (!machineRoles.has(role)) throw new Error(`"${role}" is not a machine client's role`);
  const govs = list.split('+');
  const repeated = govs.find((gov, index) => govs.indexOf(gov) !== index);
  if (repeated) throw new Error(`"${spec}" names government ${repeated} twice`);
  if (govs.length > maxGovernmentsPerClient)
    throw new Error(`"${role}@…" names ${govs.length} governments; at most ${maxGovernmentsPerClient}`);
  return { role, govs };
}

/** `role@gov+gov…`, the form parseMachineClientSpec reads (the CLI, the stack's output). */
export const machineClientSpec = (client: MachineClient): string => `${client.role}@${client.govs.join('+')}`;

/**
 * Parses `HOJO_MACHINE_CLIENTS` (`3q7…=treasury_bank@11110+26000,9xk…=department_official@11110`).
 * A malformed entry, or a client id given twice, throws (parseMachineClientSpec says which specs).
 */
export function parseMachineClients(text: string | undefined): MachineClientRegistry {
  const registry = new Map<string, MachineClient>();
  for (const entry of (text ?? '').split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const match = /^([\w-]+)=(.*)$/.exec(entry);
    if (!match) throw new Error(`${machineClientsEnv}: "${entry}" is not clientId=role@government`);
    const [, clientId, spec] = match as unknown as [string, string, string];
    if (registry.has(clientId)) throw new Error(`${machineClientsEnv}: client ${clientId} is given twice`);
    try {
      registry.set(clientId, parseMachineClientSpec(spec));
    } catch (error) {
      throw new Error(`${machineClientsEnv}: ${(error as Error).message}`);
    }
  }
  return registry;
}

/**
 * The government a machine client's token acts for in a request whose path names `pathGov`: that
 * government when it is in the client's set; otherwise a one-government client's own government (as
 * before sets existed: the tenant rule then answers 403 `other-government` where the path names
 * another), and a client of several governments none. Routes without a government in the path are
 * national and admit no machine role (test/unit/auth/claims.test.ts), so "none" there refuses a
 * multi-government client rather than picking one of its governments for it.
 */
export function actingGovernment(client: MachineClient, pathGov: string | undefined): string | undefined {
  if (pathGov !== undefined && client.govs.includes(pathGov)) return pathGov;
  return client.govs.length === 1 ? client.govs[0] : undefined;
}

/** The scopes that let a token act in `role` (`hojo/<scope>`). */
export function scopesOfRole(role: Role): string[] {
  return Object.values(machineClientKinds)
    .filter((kind) => kind.role === role)
    .flatMap((kind) => kind.scopes.map((scope) => `${resourceServerIdentifier}/${scope}`));
}
