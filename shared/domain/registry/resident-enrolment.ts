import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A resident's enrolment in a government (issue #19, finding 10): the resident asks, naming the
 * government and nothing else; the government's 예산부서 approves it once an identity check
 * (본인확인) has shown that the resident lives there, or refuses it. Only an approved enrolment
 * makes a resident of that government: it is the one home of a resident's government.
 *
 * Source: 지방재정법 §39 (주민참여예산: residents of the government take part in its budgeting);
 * who checks residence and with which means is the government's 조례 and practice: the 예산부서
 * that runs the cycle (the participation routes' budget_officer) [U].
 */
export const enrolmentStatuses = ['pending', 'approved', 'refused', 'superseded'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/**
 * Why an enrolment is refused: a fixed list, never free text, so no name, address or number of the
 * resident can be written into the record.
 */
export const refusalReasons = ['identity-not-confirmed', 'not-resident', 'check-not-completed'] as const;
export type EnrolmentRefusalReason = (typeof refusalReasons)[number];

/** An approval always names its identity check (the request schema requires it); a refusal names its reason. */
export type EnrolmentDecision =
  | { readonly outcome: 'approve'; readonly identityCheckReference: string }
  | { readonly outcome: 'refuse'; readonly reason: EnrolmentRefusalReason; readonly identityCheckReference?: string | undefined };

/** What the resident's own record says: their government, if any, and the request waiting for a decision. */
export interface ResidentStanding {
  readonly gov?: string | undefined;
  readonly pendingEnrolmentId?: string | undefined;
  readonly pendingGov?: string | undefined;
}

/** A resident may ask for a government they are not a resident of, one request at a time. */
export function requestRefusal(standing: ResidentStanding | undefined, gov: string): Refusal | undefined {
  if (standing?.pendingEnrolmentId !== undefined) {
    return refusal(
      'conflict',
      'enrolment-pending',
      `your enrolment ${standing.pendingEnrolmentId} in ${standing.pendingGov} awaits a decision`,
      {
        enrolmentId: standing.pendingEnrolmentId,
        gov: standing.pendingGov,
      },
    );
  }
  if (standing?.gov === gov) return refusal('conflict', 'already-enrolled', `you are already a resident of government ${gov}`, { gov });
  return undefined;
}

/**
 * The check's reference is the 본인확인기관's transaction id (e.g. a PASS or NICE 거래번호). A
 * 주민등록번호 (13 digits, the 7th a sex/century digit 1–8) written there instead is refused; a CI
 * (88 base64 characters) does not fit the schema's 64 characters.
 */
const residentNumberShape = /\d{6}-?[1-8]\d{6}/;

/** The rule for a decision on a pending enrolment. */
export function decisionRefusal(status: EnrolmentStatus, decision: EnrolmentDecision): Refusal | undefined {
  if (status !== 'pending') return refusal('conflict', 'enrolment-already-decided', `the enrolment was ${status} already`, { status });
  const reference = decision.identityCheckReference;
  if (reference !== undefined && residentNumberShape.test(reference)) {
    return refusal(
      'unprocessable',
      'personal-data-in-reference',
      'the reference holds what looks like a 주민등록번호: give the check’s transaction id',
      {
        rule: 'the record keeps the identity check’s reference only (개인정보 보호법 §3: no more personal data than needed)',
      },
    );
  }
  return undefined;
}
