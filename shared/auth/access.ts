import type { Role } from '#shared/auth/roles.ts';

/**
 * What a route lets through. Declared once per route; enforced by one authorisation layer.
 * - public: open data and platform routes; no token needed.
 * - government: the path names a government ({gov}); the tenant rule applies (see authorize.ts).
 * - national: no government in the path (nationwide aggregates, every archive).
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'government'; readonly roles: readonly Role[]; readonly write: boolean }
  | { readonly kind: 'national'; readonly roles: readonly Role[] };

export const publicAccess: Access = { kind: 'public' };
export const governmentRead = (...roles: Role[]): Access => ({ kind: 'government', roles, write: false });
export const governmentWrite = (...roles: Role[]): Access => ({ kind: 'government', roles, write: true });
export const nationalRead = (...roles: Role[]): Access => ({ kind: 'national', roles });
/** A change to national data (no government in the path): the role alone decides, as for a national read. */
export const nationalWrite = (...roles: Role[]): Access => ({ kind: 'national', roles });

/** Everyone who reads a government's books: its own staff, head and council, plus the ministry. */
export const governmentReaders: readonly Role[] = [
  'department_official',
  'budget_officer',
  'finance_officer',
  'disbursing_officer',
  'revenue_officer',
  'chief_accountant',
  'head',
  'council_member',
  'ministry',
];
