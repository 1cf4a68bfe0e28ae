import type { Access } from '#shared/auth/access.ts';

/**
 * Residents sign in to a user pool of their own, apart from officials (issue #19, finding 10): the
 * variable holds that pool's issuer on AWS. Unset (local runtime, on-prem): one issuer serves all.
 */
export const residentIssuerEnv = 'HOJO_RESIDENT_ISSUER';

/**
 * A route only residents call: participatory budgeting (propose, vote, their own records) and their
 * enrolment in a government (a national route: a new resident has no government yet).
 */
export const isResidentRoute = (access: Access): boolean =>
  access.kind !== 'public' && access.roles.length > 0 && access.roles.every((role) => role === 'resident');
