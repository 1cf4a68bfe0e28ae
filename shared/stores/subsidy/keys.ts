import type { Identifier } from '#shared/domain/subsidy/identifiers.ts';

/**
 * Keys of the subsidy context.
 *
 * One item collection per government and year (its programs and applications):
 *   pk SUBSIDY#{gov}#{year}  sk PROGRAM#{programId}                     a 사업 and its 공모
 *   pk SUBSIDY#{gov}#{year}  sk APP#{applicationId}                     an application, later the grant (state, money, report …)
 *   pk SUBSIDY#{gov}#{year}  sk APP#{applicationId}#PII                 restricted: 주민등록번호 (보조금령 §19⑤, §22); read by no route
 *   pk SUBSIDY#{gov}#{year}  sk APP#{applicationId}#EXEC#{at}#{request}  an execution (집행) with its evidence
 *   pk SUBSIDY#{gov}#{year}  sk APP#{applicationId}#PAY#{requestId}      a payment request (교부신청) and its payment
 *   gsi1 SUBRECIPIENT#{recipientId}  APP#{gov}#{year}#{applicationId}    a recipient's own applications, every government
 *
 * The nationwide index, one partition per identifier (사업자등록번호, 법인등록번호, person pseudonym),
 * so that the check at a 교부결정 is one Query per identifier and never a scan:
 *   pk SUBSIDY-ID#{kind}#{value}  sk GRANT#{decidedOn}#{gov}#{applicationId}   support history (보조금령 §4), 5 years read
 *   pk SUBSIDY-ID#{kind}#{value}  sk EXCL#{gov}#{exclusionId}                  an exclusion (보조금법 §32; 보조금령 §19⑤)
 *   pk SUBSIDY-ID#{kind}#{value}  sk RETURN#{gov}#{applicationId}              a 반환 ordered and not yet paid (§33)
 *   pk SUBSIDY-ID#{kind}#{value}  sk CUT#{gov}#{applicationId}                 a late report's pending cut of the next grant (§17③)
 *   pk SUBSIDY-ID#{kind}#{value}  sk DISCLOSURE#{gov}#{applicationId}          a grant's 시정명령 for its 공시, pending cut (§20의2②)
 *   pk SUBSIDY-ID#{kind}#{value}  sk HEAD                                       `version`: bumped by every write under it (grant,
 *                                                                               exclusion, 반환, cut left or taken, amount cut);
 *                                                                               a 교부결정 writes only if it is
 *                                                                               still the version its check read (no lost race)
 *
 * The ministry's nationwide lists (low volume, one partition each):
 *   pk SUBSIDY-EXCL-PII#{gov}  sk {exclusionId}             restricted: the 주민등록번호 registered (보조금령 §19⑤)
 *   pk SUBSIDY-EXCLUSIONS  sk {from}#{gov}#{exclusionId}       the register (보조금법 §32; the 명단 공표 is its own case, §30)
 *   pk SUBSIDY-RETURNS     sk {gov}#{applicationId}            returns outstanding
 *   pk SUBSIDY-FLAGS       sk {decidedAt}#{gov}#{applicationId}  decisions taken over a similarity flag, with the reason
 *   pk SUBSIDY-PUBLISHED   sk LIST#{until}#{gov}#{publicationId}  every government's published names (명단 공표), by last day
 *   pk SUBSIDY-EXCLUSION-REF#{gov}  sk {exclusionId}           the exclusion's register sort key (a 명단 공표 names it)
 */
export const yearPartition = (gov: string, year: number): string => `SUBSIDY#${gov}#${year}`;

export const programKey = (gov: string, year: number, programId: string) => ({ pk: yearPartition(gov, year), sk: `PROGRAM#${programId}` });
export const applicationKey = (gov: string, year: number, applicationId: string) => ({
  pk: yearPartition(gov, year),
  sk: `APP#${applicationId}`,
});
export const piiKey = (gov: string, year: number, applicationId: string) => ({
  pk: yearPartition(gov, year),
  sk: `APP#${applicationId}#PII`,
});
export const executionPrefix = (applicationId: string): string => `APP#${applicationId}#EXEC#`;
export const executionKey = (gov: string, year: number, applicationId: string, at: string, requestId: string) => ({
  pk: yearPartition(gov, year),
  sk: `${executionPrefix(applicationId)}${at}#${requestId}`,
});
export const paymentPrefix = (applicationId: string): string => `APP#${applicationId}#PAY#`;
export const paymentKey = (gov: string, year: number, applicationId: string, paymentId: string) => ({
  pk: yearPartition(gov, year),
  sk: `${paymentPrefix(applicationId)}${paymentId}`,
});

export const recipientIndexKey = (recipientId: string): string => `SUBRECIPIENT#${encodeURIComponent(recipientId)}`;
export const recipientIndexSort = (gov: string, year: number, applicationId: string): string => `APP#${gov}#${year}#${applicationId}`;

export const identifierPartition = (id: Identifier): string => `SUBSIDY-ID#${id.kind}#${id.value}`;
export const historySort = (decidedOn: string, gov: string, applicationId: string): string => `GRANT#${decidedOn}#${gov}#${applicationId}`;
export const exclusionSort = (gov: string, exclusionId: string): string => `EXCL#${gov}#${exclusionId}`;
/** The identifier's version item: what a decision's check read must still be current when it writes. */
export const HEAD_SORT = 'HEAD';
export const returnSort = (gov: string, applicationId: string): string => `RETURN#${gov}#${applicationId}`;
/** A late report's pending cut of the next grant (보조금법 §17③), under each identifier of the late grant. */
export const cutSort = (gov: string, applicationId: string): string => `CUT#${gov}#${applicationId}`;
/** A grant's 시정명령 for its 공시 (보조금법 §20의2②), under each identifier, until a decision takes its cut. */
export const disclosureSort = (gov: string, applicationId: string): string => `DISCLOSURE#${gov}#${applicationId}`;

export const EXCLUSIONS_PARTITION = 'SUBSIDY-EXCLUSIONS';
export const RETURNS_PARTITION = 'SUBSIDY-RETURNS';
export const FLAGS_PARTITION = 'SUBSIDY-FLAGS';
/** Every government's 명단 공표 entries, by last day (보조금법 §30①; 보조금령 §17②): the ministry's list. */
export const PUBLISHED_PARTITION = 'SUBSIDY-PUBLISHED';
/** Where an exclusion sits in the register, by its id (the register's sort key starts with its `from`). */
export const exclusionRefKey = (gov: string, exclusionId: string) => ({ pk: `SUBSIDY-EXCLUSION-REF#${gov}`, sk: exclusionId });
