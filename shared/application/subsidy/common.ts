import { randomBytes } from 'node:crypto';
import { Refused, conflict, forbidden, notFound } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getApplication } from '#shared/stores/subsidy/applications.ts';
import { getProgram } from '#shared/stores/subsidy/programs.ts';
import type { ApplicationRecord, ProgramRecord } from '#shared/stores/subsidy/records.ts';
import type { TransactOutcome } from '#shared/stores/table/transact.ts';

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

/** The application; a 지방보조사업자 reaches only its own (the token's sub is its recipient id). */
export async function requireApplication(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
): Promise<ApplicationRecord> {
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

/** A lost optimistic write: the application (or the program) moved since it was read. */
export function requireWritten<Name extends string>(outcome: TransactOutcome<Name>): void {
  if (outcome.ok) return;
  throw conflict('revision-conflict', 'the application changed while this step was being recorded; re-read it and retry', {
    failed: [...outcome.failed],
  });
}
