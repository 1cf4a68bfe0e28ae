import type { Caller } from '#shared/auth/caller.ts';
import { actingGovernment, scopesOfRole } from '#shared/auth/machine-clients.ts';
import type { MachineClientRegistry } from '#shared/auth/machine-clients.ts';
import { isRole } from '#shared/auth/roles.ts';

type ClaimValue = string | number | boolean | readonly string[] | undefined;
export type Claims = Readonly<Record<string, ClaimValue>>;

const noMachines: MachineClientRegistry = new Map();

/**
 * Claim names: `roles`, `gov`, `dept` as issued by the local/on-prem issuer; Cognito's
 * `cognito:groups`, `custom:gov`, `custom:dept` in AWS. API Gateway HTTP APIs flatten array
 * claims into a string like "[a b]" or "[a, b]"; both forms are accepted.
 *
 * A machine's token (OAuth client credentials: Cognito sets `sub` = `client_id` and the granted
 * `scope`, and no groups) acts in the client's registered role, and only if one of its scopes grants
 * that role (shared/auth/machine-clients.ts), for the government of the request's path (`pathGov`)
 * when that is one of the client's governments (`actingGovernment`: a client of one government acts
 * for it alone, as it always did). An unregistered client, or one whose scopes do not back its role,
 * has no caller: the route answers 401.
 *
 * With `residentIssuer` (AWS: residents have a user pool of their own), identity is separated by
 * issuer: a token of the residents' pool is a resident and nothing else, whatever groups it carries;
 * a token of any other issuer never acts as a resident. Without it (one issuer: local, on-prem), a
 * token with the resident role is likewise a resident only. A resident's government is never read
 * from the token (`custom:gov`, `gov`): it comes from the residents' registry, its one home
 * (shared/wiring/resident-registry.ts, filled in by the authenticate middleware).
 */
export function callerFromClaims(
  claims: Claims | undefined,
  machines: MachineClientRegistry = noMachines,
  residentIssuer?: string,
  pathGov?: string,
): Caller | undefined {
  if (!claims) return undefined;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  if (residentIssuer !== undefined && claims.iss === residentIssuer) return residentCaller(sub);
  if (claims.client_id === sub) return machineCaller(sub, claims, machines, pathGov);
  const roles = listClaim(claims.roles ?? claims['cognito:groups'])
    .filter(isRole)
    .filter((role) => residentIssuer === undefined || role !== 'resident');
  if (roles.includes('resident')) return residentCaller(sub);
  return {
    sub,
    roles,
    gov: stringClaim(claims.gov ?? claims['custom:gov']),
    dept: stringClaim(claims.dept ?? claims['custom:dept']),
  };
}

/** A resident, of no government until the registry says which (isResident marks the caller to look up). */
const residentCaller = (sub: string): Caller => ({ sub, roles: ['resident'], gov: undefined, dept: undefined });

/** A caller whose government the residents' registry decides. */
export const isResident = (caller: Caller): boolean => caller.roles.length === 1 && caller.roles[0] === 'resident';

function machineCaller(clientId: string, claims: Claims, machines: MachineClientRegistry, pathGov: string | undefined): Caller | undefined {
  const registered = machines.get(clientId);
  if (!registered) return undefined;
  const scopes = new Set(listClaim(claims.scope));
  if (!scopesOfRole(registered.role).some((scope) => scopes.has(scope))) return undefined;
  return { sub: clientId, roles: [registered.role], gov: actingGovernment(registered, pathGov), dept: undefined };
}

function listClaim(value: ClaimValue): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter((part) => part !== '');
}

function stringClaim(value: ClaimValue): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
