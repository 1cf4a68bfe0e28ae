import { auditRecord } from '#shared/audit/audit-record.ts';
import { applicationTarget, requireApplication, requireWritten, throwIf } from '#shared/application/subsidy/common.ts';
import { conflict, notFound } from '#shared/domain/refusal.ts';
import { stepRefusal } from '#shared/domain/subsidy/lifecycle.ts';
import { acceptanceDueOf, acceptanceRefusal, objectionRefusal } from '#shared/domain/subsidy/objection.ts';
import type { ObjectionOutcome, ObjectionSubject } from '#shared/domain/subsidy/objection.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { updateApplication } from '#shared/stores/subsidy/applications.ts';
import type { ApplicationRecord, ObjectionRecord } from '#shared/stores/subsidy/records.ts';

const written = async (application: ApplicationRecord, objections: ObjectionRecord[], request: RequestInfo, operation: string) => {
  const audit = auditRecord(request, { gov: application.gov, operation, target: applicationTarget(application) });
  requireWritten(await updateApplication(application, { objections }, {}, audit));
  return { ...application, objections, revision: application.revision + 1 };
};

/** 이의신청 by the recipient (보조금법 §36의2①): in writing, within 20 days of the notice. */
export async function fileObjection(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  input: { readonly subject: ObjectionSubject; readonly noticeOn: string; readonly filedOn: string; readonly grounds: string },
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  throwIf(stepRefusal(application.state, 'object'));
  throwIf(objectionRefusal(input.noticeOn, input.filedOn));
  const objection: ObjectionRecord = { ...input, filedBy: request.caller?.sub ?? 'unknown', status: 'pending' };
  return written(application, [...(application.objections ?? []), objection], request, 'subsidy.objection.file');
}

/**
 * The head's decision on an objection (§36의2③), after hearing those concerned (`heard`), notified
 * to the objector; once only. An objection to the decision's content gets the day by which the
 * objector accepts (else the application counts as withdrawn).
 */
export async function decideObjection(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  objectionNo: number,
  input: { readonly decidedOn: string; readonly outcome: ObjectionOutcome; readonly heard: string; readonly measures: string },
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  throwIf(stepRefusal(application.state, 'decide-objection'));
  const objections = [...(application.objections ?? [])];
  const objection = objections[objectionNo - 1];
  if (!objection) throw notFound('objection-not-found', `application ${applicationId} has no objection ${objectionNo}`);
  if (objection.status === 'decided') {
    throw conflict('objection-decided', `objection ${objectionNo} was decided on ${objection.decision?.decidedOn}`, {
      rule: 'once (보조금법 §36의2③)',
    });
  }
  const acceptBy = acceptanceDueOf(objection.subject, input.decidedOn);
  objections[objectionNo - 1] = {
    ...objection,
    status: 'decided',
    decision: { ...input, decidedBy: request.caller?.sub ?? 'unknown', ...(acceptBy ? { acceptBy } : {}) },
  };
  return written(application, objections, request, 'subsidy.objection.decide');
}

/** The objector's 수락 of the decision on its objection to the 교부 결정's content (§36의2③ 후단), by `acceptBy`. */
export async function acceptObjectionDecision(
  request: RequestInfo,
  gov: string,
  year: number,
  applicationId: string,
  objectionNo: number,
  acceptedOn: string,
): Promise<ApplicationRecord> {
  const application = await requireApplication(request, gov, year, applicationId);
  const objections = [...(application.objections ?? [])];
  const objection = objections[objectionNo - 1];
  if (!objection) throw notFound('objection-not-found', `application ${applicationId} has no objection ${objectionNo}`);
  throwIf(acceptanceRefusal(objection, acceptedOn));
  objections[objectionNo - 1] = { ...objection, acceptedOn };
  return written(application, objections, request, 'subsidy.objection.accept');
}
