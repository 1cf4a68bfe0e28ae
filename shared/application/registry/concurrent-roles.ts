import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import { tableName } from '#shared/config/env.ts';
import { now } from '#shared/clock.ts';
import { koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { concurrentRolesDecision, exceptionRefusal, NO_EXCEPTIONS, pairsHeld } from '#shared/domain/registry/concurrent-roles.ts';
import type { ConcurrentRolesConfig, ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';
import { Refused, conflict } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getConcurrentRolesConfig, putConcurrentRolesConfig } from '#shared/stores/registry/concurrent-roles.ts';
import { transact } from '#shared/stores/table/transact.ts';

/** A government's 겸직 configuration (no exceptions until one is recorded). */
export async function getConcurrentRoles(gov: string) {
  return (await getConcurrentRolesConfig(gov)) ?? { ...NO_EXCEPTIONS, revision: 0 };
}

/**
 * Records the 정원 of the 관서 and the exceptions a government allows (회계책임관, 지방회계법 제51조:
 * internal control), each one the law allows in an office whose recorded 정원 is within it (시행령
 * 제25조, 제46조), replacing the previous configuration if nobody changed it meanwhile
 * (`expectedRevision`; 409 `revision-conflict`), with its audit record.
 */
export async function setConcurrentRoles(request: RequestInfo, gov: string, config: ConcurrentRolesConfig, expectedRevision: number) {
  for (const exception of config.exceptions) {
    const refused = exceptionRefusal(exception, config.offices);
    if (refused) throw new Refused(refused);
  }
  const written = await transact({
    config: putConcurrentRolesConfig(gov, config, expectedRevision),
    audit: auditPut(tableName(), auditRecord(request, { gov, operation: 'concurrent-roles.set', target: `concurrent-roles ${gov}` })),
  });
  if (!written.ok)
    throw conflict('revision-conflict', `the 겸직 configuration of ${gov} is not at revision ${expectedRevision}; read it again`);
  return { ...config, revision: expectedRevision + 1 };
}

/**
 * Every operation on a government's data: a caller whose roles hold two duties the law keeps apart
 * acts only under an exception of its own government naming it, in force on the business day. Returns
 * the exceptions used (the caller's audit records carry them: shared/audit/audit-record.ts). Callers
 * holding no such pair (nearly all) cost no read.
 */
export async function checkConcurrentRoles(caller: Caller | undefined, gov: string | undefined): Promise<readonly ExceptionUse[]> {
  if (!caller || pairsHeld(caller.roles).length === 0) return [];
  const home = caller.gov ?? gov;
  const config = home === undefined ? NO_EXCEPTIONS : await getConcurrentRoles(home);
  const decision = concurrentRolesDecision(caller, config, koreanDate(now()));
  if (!decision.ok) throw new Refused(decision.refusal);
  return decision.uses;
}
