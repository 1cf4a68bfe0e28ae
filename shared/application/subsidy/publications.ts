import { auditRecord } from '#shared/audit/audit-record.ts';
import { newId, requireWritten, throwIf } from '#shared/application/subsidy/common.ts';
import { Refused, conflict, notFound } from '#shared/domain/refusal.ts';
import { isRefusal } from '#shared/domain/subsidy/committee.ts';
import {
  correctionOrdersRefusal,
  noticeRefusal,
  publicationDecision,
  publicationTargets,
  statementRefusal,
} from '#shared/domain/subsidy/publication.ts';
import type { PublicationDecisionInput, PublicationTarget } from '#shared/domain/subsidy/publication.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { getApplication } from '#shared/stores/subsidy/applications.ts';
import { exclusionRegisterKey } from '#shared/stores/subsidy/nationwide.ts';
import { getPublication, publishedOn, writePublication } from '#shared/stores/subsidy/publications.ts';
import type { PublicationRecord } from '#shared/stores/subsidy/publications.ts';

const target = (gov: string, publicationId: string): string => `subsidy-publication ${gov}/${publicationId}`;

async function saved(request: RequestInfo, record: PublicationRecord, read: PublicationRecord | undefined, operation: string) {
  const audit = auditRecord(request, { gov: record.gov, operation, target: target(record.gov, record.publicationId) });
  const registerKey = record.decision?.published ? await requireExclusion(record.gov, record.exclusionRef) : undefined;
  requireWritten(await writePublication(record, read, audit, registerKey));
  return record;
}

/** The register entry a case names (`exclusionRef`: an exclusion of this government), or 404. */
async function requireExclusion(gov: string, exclusionRef: string | undefined) {
  if (exclusionRef === undefined) return undefined;
  const key = await exclusionRegisterKey(gov, exclusionRef);
  if (!key) throw notFound('exclusion-not-found', `government ${gov} registered no exclusion ${exclusionRef}`);
  return key;
}

async function requireOpenCase(gov: string, publicationId: string): Promise<PublicationRecord> {
  const read = await getPublication(gov, publicationId);
  if (!read) throw notFound('publication-not-found', `government ${gov} has no 명단 공표 case ${publicationId}`);
  if (read.state !== 'noticed') throw conflict('publication-decided', `the case was decided on ${read.decision?.decidedOn}`);
  return read;
}

export interface PublicationNotice {
  readonly target: PublicationTarget;
  readonly particulars: PublicationRecord['particulars'];
  readonly applicationRef?: PublicationRecord['applicationRef'];
  readonly exclusionRef?: string | undefined;
  readonly noticeOn: string;
  readonly statementBy: string;
}

/** 통지 before the committee (보조금령 §17④) with the chance to state views until `statementBy` (보조금법 §30③). */
export async function noticePublication(request: RequestInfo, gov: string, input: PublicationNotice): Promise<PublicationRecord> {
  throwIf(noticeRefusal(input.noticeOn, input.statementBy));
  const ref = input.applicationRef;
  const application = ref ? await getApplication(gov, ref.year, ref.applicationId) : undefined;
  if (ref && !application) {
    throw notFound('subsidy-application-not-found', `government ${gov} has no subsidy application ${ref.applicationId} in ${ref.year}`);
  }
  const correctionOrders = application ? (application.disclosureOrders ?? []).length : undefined;
  throwIf(correctionOrdersRefusal(input.target, correctionOrders));
  await requireExclusion(gov, input.exclusionRef);
  const record: PublicationRecord = {
    gov,
    publicationId: newId('N', request.receivedAt),
    ...input,
    article: publicationTargets[input.target],
    ...(input.target === 'correction-orders' ? { correctionOrders } : {}),
    notifiedBy: request.caller?.sub ?? 'unknown',
    state: 'noticed',
    revision: 1,
  };
  return saved(request, record, undefined, 'subsidy.publication.notice');
}

/** The person's 소명 or statement, as received in writing or heard (보조금법 §30③). */
export async function recordPublicationStatement(
  request: RequestInfo,
  gov: string,
  publicationId: string,
  input: { readonly receivedOn: string; readonly text: string },
): Promise<PublicationRecord> {
  const read = await requireOpenCase(gov, publicationId);
  throwIf(statementRefusal(read, input.receivedOn));
  const record: PublicationRecord = {
    ...read,
    statement: { ...input, recordedBy: request.caller?.sub ?? 'unknown' },
    revision: read.revision + 1,
  };
  return saved(request, record, read, 'subsidy.publication.statement');
}

/** The head's decision after the committee: published for its period, or withheld on its ground (§30; 영 §17②③). */
export async function decidePublication(
  request: RequestInfo,
  gov: string,
  publicationId: string,
  input: PublicationDecisionInput & { readonly reason: string },
): Promise<PublicationRecord> {
  const read = await requireOpenCase(gov, publicationId);
  const application = read.applicationRef
    ? await getApplication(gov, read.applicationRef.year, read.applicationRef.applicationId)
    : undefined;
  const outcome = publicationDecision(
    {
      noticeOn: read.noticeOn,
      statementBy: read.statementBy,
      statementReceived: read.statement !== undefined,
      appealsPending: (application?.objections ?? []).filter((objection) => objection.status === 'pending').length,
    },
    input,
  );
  if (isRefusal(outcome)) throw new Refused(outcome);
  const base = {
    decidedOn: input.decidedOn,
    committeeOn: input.committeeOn,
    decidedBy: request.caller?.sub ?? 'unknown',
    reason: input.reason,
  };
  const record: PublicationRecord = {
    ...read,
    ...('withheld' in outcome
      ? { state: 'withheld' as const, decision: { ...base, withheld: outcome.withheld } }
      : { state: 'published' as const, decision: { ...base, published: { ...outcome, extensionMonths: input.extensionMonths } } }),
    revision: read.revision + 1,
  };
  return saved(request, record, read, 'subsidy.publication.decide');
}

/** What the government's site shows on `on` (the items of 보조금령 §17①; never an identifier). */
export async function publishedNames(gov: string, on: string) {
  return { gov, on, items: await publishedOn(gov, on) };
}
