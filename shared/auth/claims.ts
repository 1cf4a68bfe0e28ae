import type { Caller } from '#shared/auth/caller.ts';
import { isRole } from '#shared/auth/roles.ts';

type ClaimValue = string | number | boolean | readonly string[] | undefined;
export type Claims = Readonly<Record<string, ClaimValue>>;

/**
 * Claim names: `roles`, `gov`, `dept` as issued by the local/on-prem issuer; Cognito's
 * `cognito:groups`, `custom:gov`, `custom:dept` in AWS. API Gateway HTTP APIs flatten array
 * claims into a string like "[a b]" or "[a, b]"; both forms are accepted.
 */
export function callerFromClaims(claims: Claims | undefined): Caller | undefined {
  if (!claims) return undefined;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const roles = listClaim(claims.roles ?? claims['cognito:groups']).filter(isRole);
  return {
    sub,
    roles,
    gov: stringClaim(claims.gov ?? claims['custom:gov']),
    dept: stringClaim(claims.dept ?? claims['custom:dept']),
  };
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
