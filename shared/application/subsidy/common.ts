import { randomBytes } from 'node:crypto';
import { auditRecord } from '#shared/audit/audit-record.ts';
import { Refused, conflict, forbidden, notFound } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { stepRefusal } from '#shared/domain/subsidy/lifecycle.ts';
import type { Step } from '#shared/domain/subsidy/lifecycle.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getApplication, updateApplication } from '#shared/stores/subsidy/applications.ts';
import { getProgram } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, ProgramRecord } from '#shared/stores/subsidy/records.ts';
import type { NamedItems, TransactOutcome } from '#shared/stores/table/transact.ts';

/**
 * The secret under which 주민등록번호 become pseudonyms for the nationwide index. In AWS it comes
 * from the deployment's secret store into HOJO_SUBSIDY_ID_SECRET; the fallback is for local use only.
 */
export const identifierSecret = (): string => process.env.HOJO_SUBSIDY_ID_SECRET ?? 'hojo-local-only-subsidy-identifier-secret';

export const throwIf = (refused: Refusal | undefined): void => {
  if (refused) throw new Refused(refused);
};

/** Time-ordered ids (A… applications, N… 명단 공표 cases, P… payment requests, X… exclusions). */
export const newId = (prefix: 'A' | 'N' | 'P' | 'X', at: string): string =>
  `${prefix}${Date.parse(at).toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;

export async function requireProgram(gov: string, year: number, programId: string): Promise<ProgramRecord> {
  const program = await getProgram(gov, year, programId);
  if (!program) throw notFound('subsidy-program-not-found', `government ${gov} has no subsidy program ${programId} in ${year}`);
  return program;
}

/** Which application a step acts on, and who asks: the route's parameters with the request. */
export interface ApplicationAt {
  readonly request: RequestInfo;
  readonly gov: string;
  readonly year: number;
  readonly applicationId: string;
}

/** The application; a 지방보조사업자 reaches only its own (the token's sub is its recipient id). */
export async function requireApplication({ request, gov, year, applicationId }: ApplicationAt): Promise<ApplicationRecord> {
  const application = await getApplication(gov, year, applicationId);
  if (!application)
    throw notFound('subsidy-application-not-found', `government ${gov} has no subsidy application ${applicationId} in ${year}`);
  if (request.actingRole === 'subsidy_recipient' && application.recipientId !== request.caller?.sub) {
    throw forbidden('not-own-application', 'a 지방보조사업자 may see and act on its own applications only');
  }
  return application;
}

export const applicationTarget = (application: Pick<ApplicationRecord, 'gov' | 'year' | 'applicationId'>): string =>
  `subsidy-application ${application.gov}/${application.year}/${application.applicationId}`;

/** The application, read for a step of its lifecycle that its state allows now (else 409 subsidy-application-state). */
export async function applicationFor(at: ApplicationAt, step: Step): Promise<ApplicationRecord> {
  const application = await requireApplication(at);
  throwIf(stepRefusal(application.state, step));
  return application;
}

/**
 * A lost optimistic write: the application (or the program) moved since it was read. `refusals`
 * names the refusal for an item whose own condition failed, before that generic conflict.
 */
export function requireWritten<Name extends string>(
  outcome: TransactOutcome<Name>,
  refusals: { readonly [name: string]: Refused | undefined } = {},
): void {
  if (outcome.ok) return;
  for (const name of outcome.failed) {
    const refused = refusals[name];
    if (refused) throw refused;
  }
  throw conflict('revision-conflict', 'the application changed while this step was being recorded; re-read it and retry', {
    failed: [...outcome.failed],
  });
}

/**
 * One step of an application written: its changes (an attribute changed to undefined is removed), the
 * step's other items and its audit record in one transaction, on condition that the application is
 * still the revision read. Answers the application as written.
 */
export async function writeStep<Other extends string>(
  request: RequestInfo,
  application: ApplicationRecord,
  step: { readonly operation: string; readonly changes: Partial<ApplicationRecord>; readonly others?: NamedItems<Other> },
  refusals: Partial<Record<Other, Refused>> = {},
): Promise<ApplicationRecord> {
  const audit = auditRecord(request, { gov: application.gov, operation: step.operation, target: applicationTarget(application) });
  requireWritten(await updateApplication(application, step.changes, step.others ?? ({} as NamedItems<Other>), audit), refusals);
  const written = Object.entries({ ...application, ...step.changes, revision: application.revision + 1 });
  return Object.fromEntries(written.filter(([, value]) => value !== undefined)) as unknown as ApplicationRecord;
}
