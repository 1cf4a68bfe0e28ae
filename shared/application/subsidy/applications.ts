import { auditRecord } from '#shared/audit/audit-record.ts';
import {
  applicationFor,
  applicationTarget,
  identifierSecret,
  newId,
  requireApplication,
  requireProgram,
  requireWritten,
  throwIf,
  writeStep,
} from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import { Refused } from '#shared/domain/refusal.ts';
import { applicationRefusal } from '#shared/domain/subsidy/application.ts';
import type { ApplicationContent } from '#shared/domain/subsidy/application.ts';
import { committeeOutcome, isRefusal } from '#shared/domain/subsidy/committee.ts';
import type { CommitteeRecord } from '#shared/domain/subsidy/committee.ts';
import { identifiersOf } from '#shared/domain/subsidy/identifiers.ts';
import type { RecipientIdentity } from '#shared/domain/subsidy/identifiers.ts';
import { callOpenRefusal } from '#shared/domain/subsidy/program.ts';
import type { RequestInfo } from '#shared/http/request-info.ts';
import { applicationsOfRecipient, insertApplication } from '#shared/stores/subsidy/applications.ts';
import type { ApplicationRecord } from '#shared/stores/subsidy/records.ts';

export interface ApplicationInput extends ApplicationContent {
  readonly identity: RecipientIdentity;
  readonly submittedOn: string;
}

/**
 * 신청 by the 지방보조사업자 (보조금법 §7; 보조금령 §5) while the 공모 is open. The 주민등록번호 of the
 * person or 대표자 goes to the restricted PII item only; the application keeps the identifiers the
 * nationwide checks use (사업자등록번호, 법인등록번호 and the person's pseudonym).
 */
export async function submitApplication(
  request: RequestInfo,
  gov: string,
  year: number,
  programId: string,
  recipientId: string,
  input: ApplicationInput,
): Promise<ApplicationRecord> {
  const program = await requireProgram(gov, year, programId);
  throwIf(callOpenRefusal(program.selection, input.submittedOn));
  throwIf(applicationRefusal({ ...input, recipientKind: input.identity.kind }, program));
  const { representative, ...identity } = input.identity;
  const record: ApplicationRecord = {
    gov,
    year,
    programId,
    applicationId: newId('A', request.receivedAt),
    recipientId,
    identity: { ...identity, representativeName: representative.name },
    identifiers: identifiersOf(input.identity, identifierSecret()),
    projectName: input.projectName,
    plan: input.plan,
    costs: input.costs,
    amountAsked: input.amountAsked,
    ownShare: input.ownShare,
    period: input.period,
    state: 'submitted',
    revision: 0,
    submittedAt: request.receivedAt,
    executed: {},
    requested: 0,
    paid: 0,
    returned: 0,
    returns: [],
  };
  const audit = auditRecord(request, { gov, operation: 'subsidy.application.submit', target: applicationTarget(record) });
  const pii = { residentNumber: representative.residentNumber, purpose: '보조금령 §19⑤⑥ 배제 확인, §17 명단 공표, §22 고유식별정보 처리' };
  requireWritten(await insertApplication(record, pii, audit));
  return record;
}

/** The committee's 심의 as its secretariat records it (보조금법 §8②, §26). A rejection ends the application. */
export async function reviewApplication(at: ApplicationAt, committee: CommitteeRecord): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'review');
  const outcome = committeeOutcome(committee);
  if (isRefusal(outcome)) throw new Refused(outcome);
  const changes: Partial<ApplicationRecord> = {
    state: outcome.passed ? 'reviewed' : 'rejected',
    review: { ...committee, passed: outcome.passed, recordedBy: at.request.caller?.sub ?? 'anonymous' },
  };
  return writeStep(at.request, application, { operation: 'subsidy.application.review', changes });
}

export const getApplicationFor = requireApplication;

export const listApplicationsOf = (recipientId: string): Promise<ApplicationRecord[]> => applicationsOfRecipient(recipientId);
