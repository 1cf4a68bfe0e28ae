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

/** One registered machine client: which kind, for which government. */
export interface MachineClient {
  readonly role: Role;
  readonly gov: string;
}

/** client_id → its registration; a client not in it is refused whatever its token says. */
export type MachineClientRegistry = ReadonlyMap<string, MachineClient>;

/** The variable holding the registry: `clientId=role@gov`, comma separated. */
export const machineClientsEnv = 'HOJO_MACHINE_CLIENTS';

const machineRoles = new Set<Role>(Object.values(machineClientKinds).map((kind) => kind.role));

/**
 * Parses `HOJO_MACHINE_CLIENTS` (`3q7…=treasury_bank@11110,9xk…=department_official@11110`).
 * A malformed entry, a role no machine kind has, or a government that is not five digits throws:
 * a typo must stop the function, never open or silently close a client.
 */
export function parseMachineClients(text: string | undefined): MachineClientRegistry {
  const registry = new Map<string, MachineClient>();
  for (const entry of (text ?? '').split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const match = /^([\w-]+)=(\w+)@(\d{5})$/.exec(entry);
    if (!match) throw new Error(`${machineClientsEnv}: "${entry}" is not clientId=role@government`);
    const [, clientId, role, gov] = match as unknown as [string, string, Role, string];
    if (!machineRoles.has(role)) throw new Error(`${machineClientsEnv}: "${role}" is not a machine client's role`);
    registry.set(clientId, { role, gov });
  }
  return registry;
}

/** The scopes that let a token act in `role` (`hojo/<scope>`). */
export function scopesOfRole(role: Role): string[] {
  return Object.values(machineClientKinds)
    .filter((kind) => kind.role === role)
    .flatMap((kind) => kind.scopes.map((scope) => `${resourceServerIdentifier}/${scope}`));
}
