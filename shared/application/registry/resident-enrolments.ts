import { randomUUID } from 'node:crypto';
import { auditPut, auditRecord } from '#shared/audit/audit-record.ts';
import { tableName } from '#shared/config/env.ts';
import { decisionRefusal, requestRefusal } from '#shared/domain/registry/resident-enrolment.ts';
import type { EnrolmentDecision, EnrolmentStatus } from '#shared/domain/registry/resident-enrolment.ts';
import { conflict, notFound, Refused } from '#shared/domain/refusal.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import {
  decidedEnrolmentItem,
  decidedStandingItem,
  findEnrolment,
  findStanding,
  listEnrolments,
  requestItems,
  supersededItem,
} from '#shared/stores/registry/resident-enrolments.ts';
import type { LastDecision, ResidentEnrolment, ResidentStandingItem } from '#shared/stores/registry/resident-enrolments.ts';
import { transact } from '#shared/stores/table/transact.ts';

/**
 * Residents' onboarding (issue #19, finding 10): a resident asks to be enrolled in a government;
 * its 예산부서 approves after an identity check, recording the check's reference only, or refuses.
 * Each step is one transaction with its audit record in that government's trail. The resident's
 * government is then read from their standing (shared/wiring/resident-registry.ts), the same way
 * locally, on-prem and on AWS: no Cognito attribute is written.
 */
const target = (enrolmentId: string) => `resident-enrolment ${enrolmentId}`;

/** The view of an enrolment for the government's officials: no subject (the id is what the resident presents). */
export type EnrolmentView = Omit<ResidentEnrolment, 'subject'>;
export const enrolmentView = ({ subject: _subject, ...rest }: ResidentEnrolment): EnrolmentView => rest;

export async function requestEnrolment(request: RequestInfo, subject: string, gov: string): Promise<EnrolmentView> {
  const refused = requestRefusal(standingOf(await findStanding(subject)), gov);
  if (refused) throw new Refused(refused);
  const enrolment: ResidentEnrolment = {
    enrolmentId: randomUUID(),
    gov,
    subject,
    status: 'pending',
    requestedAt: request.receivedAt,
  };
  const audit = auditRecord(request, { gov, operation: 'resident-enrolment.request', target: target(enrolment.enrolmentId) });
  const outcome = await transact({ ...requestItems(enrolment), audit: auditPut(tableName(), audit) });
  if (!outcome.ok) {
    // Another request of the same resident was written in between.
    const again = requestRefusal(standingOf(await findStanding(subject)), gov);
    throw again ? new Refused(again) : conflict('enrolment-pending', 'another enrolment request of yours was just made');
  }
  return enrolmentView(enrolment);
}

/**
 * The government's decision on one of its enrolments. An approval makes it the resident's
 * government; a resident of another government moves (their earlier enrolment is marked superseded,
 * and what they proposed and voted there stays in that government's cycles as cast).
 */
export async function decideEnrolment(
  request: RequestInfo,
  gov: string,
  enrolmentId: string,
  decision: EnrolmentDecision,
): Promise<ResidentEnrolment> {
  const enrolment = await findEnrolment(gov, enrolmentId);
  if (!enrolment) throw notFound('enrolment-not-found', `government ${gov} has no enrolment ${enrolmentId}`);
  const refused = decisionRefusal(enrolment.status, decision);
  if (refused) throw new Refused(refused);
  const standing = await findStanding(enrolment.subject);
  const decidedAt = request.receivedAt;
  const approved = decision.outcome === 'approve';
  const decided: ResidentEnrolment = {
    ...enrolment,
    status: approved ? 'approved' : 'refused',
    decidedAt,
    decidedBy: request.caller?.sub ?? 'anonymous',
    ...(decision.identityCheckReference !== undefined ? { identityCheckReference: decision.identityCheckReference } : {}),
    ...(decision.outcome === 'refuse' ? { reason: decision.reason } : {}),
  };
  const last: LastDecision = {
    enrolmentId,
    gov,
    outcome: approved ? 'approved' : 'refused',
    decidedAt,
    ...(decision.outcome === 'refuse' ? { reason: decision.reason } : {}),
  };
  const replaced = approved && standing?.gov !== undefined && standing.enrolmentId !== undefined ? standing : undefined;
  const audit = auditRecord(request, {
    gov,
    operation: approved ? 'resident-enrolment.approve' : 'resident-enrolment.refuse',
    target: target(enrolmentId),
  });
  const outcome = await transact({
    enrolment: decidedEnrolmentItem(decided),
    standing: decidedStandingItem(enrolment.subject, last, replaced?.enrolmentId),
    superseded: replaced ? [supersededItem(replaced.gov as string, replaced.enrolmentId as string, enrolmentId)] : [],
    audit: auditPut(tableName(), audit),
  });
  if (!outcome.ok) throw conflict('enrolment-already-decided', `enrolment ${enrolmentId} changed while it was decided: read it again`);
  return decided;
}

export async function listGovernmentEnrolments(gov: string, status?: EnrolmentStatus): Promise<EnrolmentView[]> {
  return (await listEnrolments(gov, status)).map(enrolmentView);
}

/** What a resident sees of their own standing: their government, the request waiting, the last decision. */
export async function myEnrolment(subject: string) {
  const standing = await findStanding(subject);
  return {
    gov: standing?.gov ?? null,
    since: standing?.since ?? null,
    pending: standing?.pending ?? null,
    lastDecision: standing?.last ?? null,
  };
}

const standingOf = (item: ResidentStandingItem | undefined) =>
  item && { gov: item.gov, pendingEnrolmentId: item.pending?.enrolmentId, pendingGov: item.pending?.gov };
