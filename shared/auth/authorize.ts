import type { Access } from '#shared/auth/access.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { crossGovernmentReaders } from '#shared/auth/roles.ts';
import type { Role } from '#shared/auth/roles.ts';

export type Decision =
  | { readonly allowed: true; readonly actingRole: Role | undefined }
  | { readonly allowed: false; readonly code: 'role-not-permitted' | 'other-government'; readonly detail: string };

/**
 * The one place that decides whether a caller may use a route on a government's data.
 * Tenant rule: writes only to one's own government; reads of another government only by the
 * cross-government readers (ministry, research), and only where the route admits their role.
 */
export function authorize(access: Access, caller: Caller | undefined, targetGov: string | undefined): Decision {
  if (access.kind === 'public') return { allowed: true, actingRole: caller?.roles[0] };
  if (!caller) return { allowed: false, code: 'role-not-permitted', detail: 'this route needs an authenticated caller' };

  const permitted = caller.roles.filter((role) => access.roles.includes(role));
  if (permitted.length === 0) {
    return {
      allowed: false,
      code: 'role-not-permitted',
      detail: `roles [${caller.roles.join(', ')}] may not use this route; permitted: [${access.roles.join(', ')}]`,
    };
  }
  if (access.kind === 'national') return { allowed: true, actingRole: permitted[0] };

  if (targetGov !== undefined && caller.gov === targetGov) return { allowed: true, actingRole: permitted[0] };
  const crossReader = permitted.find((role) => crossGovernmentReaders.includes(role));
  if (!access.write && crossReader) return { allowed: true, actingRole: crossReader };
  return {
    allowed: false,
    code: 'other-government',
    detail: `government ${caller.gov ?? '(none)'} may not ${access.write ? 'change' : 'read'} data of government ${targetGov}`,
  };
}
