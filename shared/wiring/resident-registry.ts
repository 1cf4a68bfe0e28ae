import { cachedPerInstance } from '#shared/wiring/machine-client-registry.ts';
import { findStanding } from '#shared/stores/registry/resident-enrolments.ts';

/**
 * A resident's government, from the residents' registry (issue #19, finding 10): the government
 * whose 예산부서 approved their enrolment after an identity check, or none. It is the one home of a
 * resident's government: a token's `custom:gov` or `gov` is never read for a resident
 * (shared/auth/claims.ts), because a move approved in the registry must take effect whatever token
 * the resident still holds, and the registry works alike locally, on-prem and on AWS. Each
 * function instance caches an answer for a minute (as for machine clients), so an approval or a
 * move takes effect within a minute everywhere, and at once on the instance that decided it.
 */
export function residentGovernmentLookup(
  find: (subject: string) => Promise<{ gov?: string } | undefined> = findStanding,
  // read at each call, not bound once (a test's fake Date moves it)
  now: () => number = () => Date.now(),
) {
  return cachedPerInstance(async (subject): Promise<string | undefined> => (await find(subject))?.gov, now);
}

let instanceLookup: ReturnType<typeof residentGovernmentLookup> | undefined;
const instance = () => {
  instanceLookup ??= residentGovernmentLookup();
  return instanceLookup;
};

/** The lookup every API handler uses for a resident's token (one cache per function instance). */
export const residentGovernment = (subject: string): Promise<string | undefined> => instance()(subject);

/** After a decision on this instance: the resident's next request reads the registry again. */
export const forgetResidentGovernment = (subject: string): void => instance().forget(subject);
