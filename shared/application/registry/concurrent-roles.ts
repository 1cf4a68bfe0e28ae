import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import type { Caller } from '#shared/auth/caller.ts';
import type { Role } from '#shared/auth/roles.ts';
import { tableName } from '#shared/config/env.ts';
import { now } from '#shared/clock.ts';
import { koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { concurrentRolesDecision, exceptionRefusal, NO_EXCEPTIONS, pairsHeld } from '#shared/domain/registry/concurrent-roles.ts';
import type { ConcurrentRolesConfig, ExceptionUse } from '#shared/domain/registry/concurrent-roles.ts';
import { Refused, conflict } from '#shared/domain/refusal.ts';
import { appointmentsRefusal, closingAppointmentRefusal } from '#shared/domain/registry/chief-accountant.ts';
import { guaranteeRecordRefusal, guaranteeRefusal, needsGuarantee } from '#shared/domain/registry/fidelity-guarantee.ts';
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
 * (`expectedRevision`; 409 `revision-conflict`), with its audit record. With it, the 회계책임관 and
 * 통합지출관 appointed (시행령 제5조①: two officials, the first the senior) and the 재정보증 register
 * (시행령 제56조: each at least 1천만원).
 */
export async function setConcurrentRoles(request: RequestInfo, gov: string, config: ConcurrentRolesConfig, expectedRevision: number) {
  const refused = [
    ...config.exceptions.map((exception) => exceptionRefusal(exception, config.offices)),
    config.appointments && appointmentsRefusal(config.appointments),
    ...(config.fidelityGuarantees ?? []).map(guaranteeRecordRefusal),
  ].find((entry) => entry !== undefined);
  if (refused) throw new Refused(refused);
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
 * acts only under an exception of its own government naming it, in force on the business day; and
 * an official doing one of the operations 지방회계법 제50조 is enforced at (`needsGuarantee`) acts only
 * with a 재정보증 in force, once its government keeps the register. Returns the exceptions used (the
 * caller's audit records carry them: shared/audit/audit-record.ts). Callers holding no such pair and
 * doing no such operation (nearly all) cost no read.
 */
export async function checkConcurrentRoles(
  caller: Caller | undefined,
  gov: string | undefined,
  act?: { readonly operation: string; readonly role: Role | undefined },
): Promise<readonly ExceptionUse[]> {
  if (!caller) return [];
  const guaranteed = act !== undefined && needsGuarantee(act.operation, act.role);
  if (pairsHeld(caller.roles).length === 0 && !guaranteed) return [];
  const home = caller.gov ?? gov;
  const config = home === undefined ? NO_EXCEPTIONS : await getConcurrentRoles(home);
  const today = koreanDate(now());
  const decision = concurrentRolesDecision(caller, config, today);
  if (!decision.ok) throw new Refused(decision.refusal);
  if (guaranteed && act.role && config.fidelityGuarantees) {
    const missing = guaranteeRefusal(caller.sub, act.role, config.fidelityGuarantees, today);
    if (missing) throw new Refused(missing);
  }
  return decision.uses;
}

/** The year-end closing: by the recorded 회계책임관, never the 통합지출관 (시행령 제5조①). */
export async function checkClosingAppointment(gov: string, closer: string | undefined): Promise<void> {
  const { appointments } = await getConcurrentRoles(gov);
  const refused = closingAppointmentRefusal(appointments, closer ?? '');
  if (refused) throw new Refused(refused);
}
