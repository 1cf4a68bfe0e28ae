import { addDays, addMonths } from '#shared/domain/subsidy/dates.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

/**
 * 명단 등의 공표 (보조금법 §30; 보조금령 §17). The head publishes, on the government's web site, the
 * name, the violation and the measures of (§30①):
 * 1. a 지방보조사업자 given 3 or more 시정명령 or cuts for failing its 공시 (§20의2② 전단);
 * 2. a 지방보조사업자 excluded or restricted under §32①;
 * 3. a 지방보조금수령자 restricted under §32③.
 * The steps, each recorded:
 * - 통지: before the committee meets, the person is told in writing what would be published (영 §17④:
 *   the items of 영 §17①) and given the chance to submit 소명자료 or state its views (§30③), until a
 *   day the notice sets (the law sets no number of days: the period is the head's, practice);
 * - 소명: the statement or documents, received no later than that day;
 * - 결정: after the committee (위원회, 영 §17①4, ②, ③3), not while an 이의신청 or other appeal against
 *   the measure is pending (§30④), and not before the period for the statement ended unless the
 *   statement came. Published for 1 year, extendable by up to 1 year after the committee's review
 *   for a serious violation (영 §17②); or not published on a ground of 영 §17③ (death, 실종선고, or
 *   no benefit found by the committee).
 * The list is due by 31 March each year (§30①); a decision says when it was published.
 */
export const publicationTargets = {
  'correction-orders': '보조금법 §30①1 (§20의2② 시정명령·삭감 3회 이상)',
  'recipient-exclusion': '보조금법 §30①2 (§32① 수행 배제·교부 제한)',
  'end-receiver-restriction': '보조금법 §30①3 (§32③ 지급 제한)',
} as const;
export type PublicationTarget = keyof typeof publicationTargets;
export const publicationTargetCodes = keysOf(publicationTargets);

export const withholdingGrounds = {
  death: '보조금령 §17③1 (사망)',
  missing: '보조금령 §17③2 (실종선고)',
  'no-benefit': '보조금령 §17③3 (위원회 심의: 공표 실익 없음)',
} as const;
export type WithholdingGround = keyof typeof withholdingGrounds;
export const withholdingGroundCodes = keysOf(withholdingGrounds);

/** 공표 기간 1년, 위원회 심의를 거쳐 1년의 범위에서 연장 (보조금령 §17②). */
export const PUBLICATION_MONTHS = 12;
export const MAX_EXTENSION_MONTHS = 12;

export interface PublicationFacts {
  readonly noticeOn: string;
  readonly statementBy: string;
  readonly statementReceived: boolean;
  /** Objections or other appeals against the measure published, not yet ended (§30④). */
  readonly appealsPending: number;
}

export interface PublicationDecisionInput {
  readonly decidedOn: string;
  readonly committeeOn: string;
  readonly publish: boolean;
  readonly withheldGround?: WithholdingGround | undefined;
  readonly extensionMonths: number;
}

/** The 통지 sets a period for the statement: it ends after the notice (§30③). */
export function noticeRefusal(noticeOn: string, statementBy: string): Refusal | undefined {
  if (statementBy > noticeOn) return undefined;
  return refusal('unprocessable', 'publication-statement-period', 'the notice gives a period for the statement that ends after it', {
    rule: 'statementBy > noticeOn (보조금법 §30③)',
    numbers: { noticeOn, statementBy },
  });
}

/** §30①1: 3 or more 시정명령 or cuts for the 공시 (§20의2② 전단). */
export const CORRECTION_MEASURES_TO_PUBLISH = 3;

/**
 * A case under §30①1 names the grant whose 공시 was ordered (`applicationRef`) and is taken only once that grant
 * has 3 or more 시정명령 (§20의2② 전단). Counted are the orders written on the grant: each cut follows an order
 * not complied with, so the cuts add no measure the orders do not show [U] (the count never runs ahead of the law).
 */
export function correctionOrdersRefusal(target: PublicationTarget, orders: number | undefined): Refusal | undefined {
  if (target !== 'correction-orders' || (orders ?? 0) >= CORRECTION_MEASURES_TO_PUBLISH) return undefined;
  return refusal(
    'unprocessable',
    'publication-measures-below-three',
    orders === undefined
      ? 'a 명단 공표 for 시정명령 names the grant whose 공시 was ordered (applicationRef)'
      : `the grant has ${orders} 시정명령 for its 공시; 보조금법 §30①1 publishes from ${CORRECTION_MEASURES_TO_PUBLISH}`,
    {
      rule: `시정명령·삭감 ≥ ${CORRECTION_MEASURES_TO_PUBLISH} (보조금법 §30①1, §20의2② 전단)`,
      numbers: { orders: orders ?? 0, required: CORRECTION_MEASURES_TO_PUBLISH },
    },
  );
}

/** A statement is taken from the notice to the day the notice set (§30③). */
export function statementRefusal(facts: Pick<PublicationFacts, 'noticeOn' | 'statementBy'>, receivedOn: string): Refusal | undefined {
  if (receivedOn >= facts.noticeOn && receivedOn <= facts.statementBy) return undefined;
  return refusal('unprocessable', 'publication-statement-late', `statements are taken from ${facts.noticeOn} to ${facts.statementBy}`, {
    rule: 'noticeOn ≤ receivedOn ≤ statementBy (보조금법 §30③)',
    numbers: { noticeOn: facts.noticeOn, statementBy: facts.statementBy, receivedOn },
  });
}

/** Whether the decision may be taken now, and the period published (`until` is the last day shown). */
export function publicationDecision(
  facts: PublicationFacts,
  input: PublicationDecisionInput,
): Refusal | { readonly from: string; readonly until: string; readonly article: string } | { readonly withheld: string } {
  if (input.committeeOn < facts.noticeOn || input.decidedOn < input.committeeOn) {
    return refusal(
      'unprocessable',
      'publication-notice-after-committee',
      'the notice comes before the committee meets, the decision after',
      {
        rule: 'noticeOn ≤ committeeOn ≤ decidedOn (보조금령 §17④)',
        numbers: { noticeOn: facts.noticeOn, committeeOn: input.committeeOn, decidedOn: input.decidedOn },
      },
    );
  }
  if (!facts.statementReceived && input.decidedOn <= facts.statementBy) {
    return refusal('conflict', 'publication-hearing-open', `the person may still state its views until ${facts.statementBy}`, {
      rule: 'decide after statementBy unless the statement came (보조금법 §30③)',
      numbers: { statementBy: facts.statementBy, decidedOn: input.decidedOn },
    });
  }
  if (facts.appealsPending > 0) {
    return refusal('conflict', 'publication-appeal-pending', 'an objection against the measure is pending; publish after it ends', {
      rule: 'after the 이의신청 or other appeal ends (보조금법 §30④)',
      numbers: { appealsPending: facts.appealsPending },
    });
  }
  if (!input.publish) {
    if (input.withheldGround) return { withheld: withholdingGrounds[input.withheldGround] };
    return refusal('unprocessable', 'publication-withholding-ground', 'not publishing needs a ground of 보조금령 §17③', {
      rule: 'publish, or withhold on death, 실종선고 or the committee finding no benefit (보조금법 §30②; 보조금령 §17③)',
      allowedGrounds: Object.keys(withholdingGrounds),
    });
  }
  if (input.extensionMonths > MAX_EXTENSION_MONTHS) {
    return refusal('unprocessable', 'publication-extension-too-long', 'the period may be extended by at most 1 year', {
      rule: 'extensionMonths ≤ 12, after the committee (보조금령 §17②)',
      numbers: { extensionMonths: input.extensionMonths, maxExtensionMonths: MAX_EXTENSION_MONTHS },
    });
  }
  const until = addDays(addMonths(input.decidedOn, PUBLICATION_MONTHS + input.extensionMonths), -1);
  return { from: input.decidedOn, until, article: '보조금법 §30①; 보조금령 §17②' };
}
