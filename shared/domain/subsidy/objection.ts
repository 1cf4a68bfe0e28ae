import { addDays } from '#shared/domain/subsidy/dates.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

/**
 * 이의신청 (보조금법 §36의2). The 지방보조사업자 may object in writing to the head within 20 days of the
 * notice of a measure about its grant (①); the head hears those concerned, takes the measures needed
 * and notifies the objector (③). Where the objection was about the content of the 교부결정 (its
 * amount or conditions), an objector who does not accept within 20 days of that notice is taken to
 * have withdrawn the application (③ 후단). A 명단 공표 waits until the objection is decided (§30④).
 * The 20 days run from the day after the notice (초일불산입, 민법 §157: practice for a period in days).
 */
export const OBJECTION_DAYS = 20;

/** The measures an objection may be against (§36의2①). */
export const objectionSubjects = {
  decision: '교부 결정',
  conditions: '교부 조건',
  cancellation: '교부 결정의 취소',
  'return-order': '지방보조금의 반환명령',
  cut: '지방보조금의 삭감',
  exclusion: '지방보조사업의 수행 배제·수급 제한',
  sanction: '제재부가금의 부과',
} as const;
export type ObjectionSubject = keyof typeof objectionSubjects;
export const objectionSubjectCodes = keysOf(objectionSubjects);

export const objectionOutcomes = ['upheld', 'partly-upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];

/** An objection filed after its 20 days is refused, naming the last day. */
export function objectionRefusal(noticeOn: string, filedOn: string): Refusal | undefined {
  const lastDay = addDays(noticeOn, OBJECTION_DAYS);
  if (filedOn >= noticeOn && filedOn <= lastDay) return undefined;
  return refusal(
    'unprocessable',
    'objection-period-passed',
    `an objection to a notice of ${noticeOn} is filed from that day to ${lastDay}`,
    {
      rule: 'noticeOn ≤ filedOn ≤ noticeOn + 20 days (보조금법 §36의2①)',
      numbers: { noticeOn, filedOn, lastDay },
    },
  );
}

/** The day by which an objector to the content of the decision accepts, or is taken to withdraw (§36의2③ 후단). */
export const acceptanceDueOf = (subject: ObjectionSubject, notifiedOn: string): string | undefined =>
  subject === 'decision' || subject === 'conditions' ? addDays(notifiedOn, OBJECTION_DAYS) : undefined;

/** What the withdrawal rule reads of an objection: its decision's `acceptBy` and the acceptance, if any. */
export interface AcceptanceFacts {
  readonly decision?: { readonly acceptBy?: string | undefined } | undefined;
  readonly acceptedOn?: string | undefined;
}

/**
 * The objector's 수락의 의사표시 (§36의2③ 후단): only where the decision gave an `acceptBy`, once, and
 * no later than that day (after it the application already counts as withdrawn).
 */
export function acceptanceRefusal(objection: AcceptanceFacts, acceptedOn: string): Refusal | undefined {
  const acceptBy = objection.decision?.acceptBy;
  if (!acceptBy) {
    return refusal(
      'conflict',
      'objection-acceptance-not-asked',
      'only a decided objection to the 교부 결정 or its conditions is accepted',
      {
        rule: '수락 after the decision on an objection to the content of the 교부 결정 (보조금법 §36의2③ 후단)',
      },
    );
  }
  if (objection.acceptedOn) {
    return refusal('conflict', 'objection-acceptance-not-asked', `the decision was accepted on ${objection.acceptedOn}`, {
      rule: 'once (보조금법 §36의2③ 후단)',
    });
  }
  if (acceptedOn > acceptBy) {
    return refusal('unprocessable', 'objection-acceptance-late', `the decision was to be accepted by ${acceptBy}`, {
      rule: 'acceptedOn ≤ acceptBy = notice + 20 days; after it the application counts as withdrawn (보조금법 §36의2③ 후단)',
      numbers: { acceptBy, acceptedOn },
    });
  }
  return undefined;
}

/**
 * 교부 신청의 철회 간주 (§36의2③ 후단): an objector to the content of the decision that did not accept
 * within 20 days of the notice of the decision on its objection is taken to have withdrawn the
 * application, so no payment, payment request or spending may follow on a day after `acceptBy`.
 */
export function withdrawnRefusal(objections: readonly AcceptanceFacts[], on: string): Refusal | undefined {
  const lapsed = objections.find(
    (objection) => objection.decision?.acceptBy !== undefined && !objection.acceptedOn && on > objection.decision.acceptBy,
  );
  if (!lapsed) return undefined;
  const acceptBy = lapsed.decision?.acceptBy as string;
  return refusal('conflict', 'application-deemed-withdrawn', `the decision on the objection was not accepted by ${acceptBy}`, {
    rule: 'not accepted within 20 days of the notice: the application counts as withdrawn (보조금법 §36의2③ 후단)',
    numbers: { acceptBy, on, objectionNo: objections.indexOf(lapsed) + 1 },
  });
}
