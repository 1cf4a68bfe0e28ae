import { addMonths, wholeMonthsBetween, yearEnd } from '#shared/domain/subsidy/dates.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** 보조금법 §17②: 정산보고서 verified by an external auditor when the 사업's grant total is ≥ 3억원. */
export const VERIFICATION_THRESHOLD = 300_000_000;
/** 보조금법 §18①: a recipient receiving ≥ 10억원 in a fiscal year from one government is 특정지방보조사업자. */
export const AUDIT_THRESHOLD = 1_000_000_000;
/**
 * 보조금령 §11의2① (법 §20의2①), read in legalize-kr: "같은 회계연도 중 지방자치단체의 장으로부터 교부받은
 * 지방보조금의 총액이 5백만원 이상인 지방보조사업" — per 사업 and per year from one government, not per recipient
 * across its 사업; the ministry may set another amount by 고시 for a kind of 사업 (단서; none is modelled).
 */
export const DISCLOSURE_THRESHOLD = 5_000_000;

/**
 * 실적보고 (보조금법 §17①; 보조금령 §9①): within 2 months of completion, of an approved abolition, or of
 * the end of the fiscal year — whichever comes first for this grant.
 */
export function reportDueDate(grantYear: number, completedOn: string | undefined, projectEnd: string): string {
  const end = yearEnd(grantYear);
  const trigger = [completedOn ?? projectEnd, end].sort()[0] as string;
  return addMonths(trigger, 2);
}

/**
 * The cut of the next grant for a late report (보조금법 §17③; 보조금령 §9④), in basis points of the
 * first grant after the report: 3–6 months late ≤ 10 %; 6–12 months > 10 % to 20 %; ≥ 12 months
 * > 20 % to 50 %. Less than 3 months late: no cut.
 */
export interface LateBand {
  readonly monthsLate: number;
  readonly band: 0 | 1 | 2 | 3;
  readonly minCutBp: number;
  readonly maxCutBp: number;
  readonly article: string;
}

export function lateBand(dueDate: string, submittedOn: string): LateBand {
  const monthsLate = submittedOn > dueDate ? wholeMonthsBetween(dueDate, submittedOn) : 0;
  const article = '보조금법 §17③; 보조금령 §9④';
  if (monthsLate >= 12) return { monthsLate, band: 3, minCutBp: 2001, maxCutBp: 5000, article };
  if (monthsLate >= 6) return { monthsLate, band: 2, minCutBp: 1001, maxCutBp: 2000, article };
  if (monthsLate >= 3) return { monthsLate, band: 1, minCutBp: 0, maxCutBp: 1000, article };
  return { monthsLate, band: 0, minCutBp: 0, maxCutBp: 0, article };
}

/** The report needs the external verification when the grant is ≥ 3억원 and the recipient is not a local government. */
export function verificationRefusal(grantTotal: number, recipientIsLocalGovernment: boolean, verified: boolean): Refusal | undefined {
  if (verified || recipientIsLocalGovernment || grantTotal < VERIFICATION_THRESHOLD) return undefined;
  return refusal(
    'unprocessable',
    'verification-required',
    'a 사업 granted 3억원 or more needs its 정산보고서 verified by an external auditor',
    {
      rule: 'grant total ≥ 300,000,000 → 감사인 검증 (보조금법 §17②; 보조금령 §10)',
      numbers: { grantTotal, threshold: VERIFICATION_THRESHOLD },
    },
  );
}

export interface Obligation {
  readonly kind: 'external-verification' | 'audit-report' | 'auditor-selection' | 'disclosure';
  readonly due?: string;
  readonly article: string;
}

/**
 * What the recipient owes beyond the 실적보고: verification (≥ 3억원 for the 사업), auditor selection
 * within 3 months of the notice and an audit report within 4 months of year end (≥ 10억원 a year from
 * this government; 보조금법 §18; 보조금령 §11①④), and 공시 within 4 months of year end (≥ 500만원 a year
 * for the 사업; 보조금법 §20의2; 보조금령 §11의2①②). None for a local-government recipient.
 */
export function obligations(facts: {
  readonly year: number;
  readonly grantTotal: number;
  readonly recipientYearTotal: number;
  readonly notifiedOn: string;
  readonly recipientIsLocalGovernment: boolean;
}): Obligation[] {
  if (facts.recipientIsLocalGovernment) return [];
  const afterYear = addMonths(yearEnd(facts.year), 4);
  const list: Obligation[] = [];
  if (facts.grantTotal >= VERIFICATION_THRESHOLD) list.push({ kind: 'external-verification', article: '보조금법 §17②' });
  if (facts.recipientYearTotal >= AUDIT_THRESHOLD) {
    list.push({ kind: 'auditor-selection', due: addMonths(facts.notifiedOn, 3), article: '보조금법 §18①; 보조금령 §11①' });
    list.push({ kind: 'audit-report', due: afterYear, article: '보조금법 §18①; 보조금령 §11④' });
  }
  if (facts.grantTotal >= DISCLOSURE_THRESHOLD)
    list.push({ kind: 'disclosure', due: afterYear, article: '보조금법 §20의2①; 보조금령 §11의2①②' });
  return list;
}
