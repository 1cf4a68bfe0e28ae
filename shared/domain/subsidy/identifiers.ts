import { createHmac } from 'node:crypto';
import { digitsOnly } from '#shared/domain/business-number.ts';

/**
 * Who a 지방보조사업자 is, for the nationwide checks. The exclusion register holds, for a person,
 * 성명/상호, 주민등록번호, 사업자등록번호; for a corporation, 명칭, 법인등록번호 and the 대표자's 성명 and
 * 주민등록번호 (보조금령 §19⑤); at every grant decision these identifiers are checked so that a change
 * of name (상호) or of 대표자 does not evade an exclusion (보조금령 §19⑥). Names are never keys.
 *
 * A 주민등록번호 never becomes a key or leaves the store: it is turned into a pseudonym (HMAC-SHA-256
 * with the deployment's secret) before it is used to look anything up (개인정보 보호법 §24의2;
 * 보조금령 §22 allows processing it for §30, §32, §34–§36 and the 통합관리망 only).
 */
export type IdentifierKind = 'brn' | 'crn' | 'person';

export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

export interface RecipientIdentity {
  readonly kind: 'individual' | 'corporation' | 'group';
  readonly name: string;
  /** 사업자등록번호, 10 digits. */
  readonly businessNumber?: string | undefined;
  /** 법인등록번호, 13 digits (corporations). */
  readonly corporateNumber?: string | undefined;
  /** 대표자 (corporations and groups) or the person (individuals). */
  readonly representative: { readonly name: string; readonly residentNumber: string };
}

export { digitsOnly, isBusinessNumber } from '#shared/domain/business-number.ts';

/** 법인등록번호 check digit (weights 1,2 alternating over the first 12 digits). */
export function isCorporateNumber(value: string): boolean {
  const digits = digitsOnly(value);
  if (!/^\d{13}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const sum = d.slice(0, 12).reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 1 : 2), 0);
  return (10 - (sum % 10)) % 10 === d[12];
}

/** A 주민등록번호 of the form YYMMDD-GNNNNNN (13 digits); the form only, not the (retired) check digit. */
export const isResidentNumber = (value: string): boolean => /^\d{6}-?[1-8]\d{6}$/.test(value);

/** The pseudonym of a person: HMAC-SHA-256 of the 13 digits, hex, under the deployment's secret. */
export const personPseudonym = (residentNumber: string, secret: string): string =>
  createHmac('sha256', secret).update(digitsOnly(residentNumber)).digest('hex').slice(0, 40);

/** 900101-1****** : what a screen that needs to show the number at all may show. */
export const maskResidentNumber = (residentNumber: string): string => {
  const digits = digitsOnly(residentNumber);
  return `${digits.slice(0, 6)}-${digits.slice(6, 7)}******`;
};

/** Every identifier the nationwide checks look up, in a stable order; names are deliberately absent. */
export function identifiersOf(identity: RecipientIdentity, secret: string): Identifier[] {
  const keys: Identifier[] = [];
  if (identity.businessNumber) keys.push({ kind: 'brn', value: digitsOnly(identity.businessNumber) });
  if (identity.corporateNumber) keys.push({ kind: 'crn', value: digitsOnly(identity.corporateNumber) });
  keys.push({ kind: 'person', value: personPseudonym(identity.representative.residentNumber, secret) });
  return keys;
}

export const identifierLabel = (id: Identifier): string =>
  id.kind === 'brn' ? `사업자등록번호 ${id.value}` : id.kind === 'crn' ? `법인등록번호 ${id.value}` : '대표자/본인 (주민등록번호 확인)';
