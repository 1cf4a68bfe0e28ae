import { applicationFor, requireApplication, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import { conflict, notFound } from '#shared/domain/refusal.ts';
import { acceptanceDueOf, acceptanceRefusal, objectionRefusal } from '#shared/domain/subsidy/objection.ts';
import type { ObjectionOutcome, ObjectionSubject } from '#shared/domain/subsidy/objection.ts';
import type { ApplicationRecord, ObjectionRecord } from '#shared/stores/subsidy/records.ts';

/** 이의신청 by the recipient (보조금법 §36의2①): in writing, within 20 days of the notice. */
export async function fileObjection(
  at: ApplicationAt,
  input: { readonly subject: ObjectionSubject; readonly noticeOn: string; readonly filedOn: string; readonly grounds: string },
): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'object');
  throwIf(objectionRefusal(input.noticeOn, input.filedOn));
  const objection: ObjectionRecord = { ...input, filedBy: at.request.caller?.sub ?? 'unknown', status: 'pending' };
  const objections = [...(application.objections ?? []), objection];
  return writeStep(at.request, application, { operation: 'subsidy.objection.file', changes: { objections } });
}

/** The objection numbered `objectionNo` (from 1), or 404. */
function objectionOf(application: ApplicationRecord, objectionNo: number): ObjectionRecord {
  const objection = application.objections?.[objectionNo - 1];
  if (!objection) throw notFound('objection-not-found', `application ${application.applicationId} has no objection ${objectionNo}`);
  return objection;
}

/** The application's objections with the one numbered `objectionNo` replaced. */
const replaced = (application: ApplicationRecord, objectionNo: number, objection: ObjectionRecord): ObjectionRecord[] =>
  (application.objections ?? []).map((each, index) => (index === objectionNo - 1 ? objection : each));

/**
 * The head's decision on an objection (§36의2③), after hearing those concerned (`heard`), notified
 * to the objector; once only. An objection to the decision's content gets the day by which the
 * objector accepts (else the application counts as withdrawn).
 */
export async function decideObjection(
  at: ApplicationAt,
  objectionNo: number,
  input: { readonly decidedOn: string; readonly outcome: ObjectionOutcome; readonly heard: string; readonly measures: string },
): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'decide-objection');
  const objection = objectionOf(application, objectionNo);
  if (objection.status === 'decided') {
    throw conflict('objection-decided', `objection ${objectionNo} was decided on ${objection.decision?.decidedOn}`, {
      rule: 'once (보조금법 §36의2③)',
    });
  }
  const acceptBy = acceptanceDueOf(objection.subject, input.decidedOn);
  const decided: ObjectionRecord = {
    ...objection,
    status: 'decided',
    decision: { ...input, decidedBy: at.request.caller?.sub ?? 'unknown', ...(acceptBy ? { acceptBy } : {}) },
  };
  const objections = replaced(application, objectionNo, decided);
  return writeStep(at.request, application, { operation: 'subsidy.objection.decide', changes: { objections } });
}

/** The objector's 수락 of the decision on its objection to the 교부 결정's content (§36의2③ 후단), by `acceptBy`. */
export async function acceptObjectionDecision(at: ApplicationAt, objectionNo: number, acceptedOn: string): Promise<ApplicationRecord> {
  const application = await requireApplication(at);
  const objection = objectionOf(application, objectionNo);
  throwIf(acceptanceRefusal(objection, acceptedOn));
  const objections = replaced(application, objectionNo, { ...objection, acceptedOn });
  return writeStep(at.request, application, { operation: 'subsidy.objection.accept', changes: { objections } });
}
