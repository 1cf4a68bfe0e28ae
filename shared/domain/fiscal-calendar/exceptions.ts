/**
 * The cases in which year N may still receive or pay after its cash books closed on 31 December,
 * until 20 January of N + 1 (지방회계법 제7조제1항 단서, 제3호 by 회계령 제3조; 회계령 제34조 for
 * payments under a 지급명령). A posting of year N dated after 31 December names one of them in
 * `exceptionCode`; `side` says whether it is a receipt (revenue postings), a payment (expenditure
 * postings) or either.
 */
import { keysOf } from '#shared/domain/table-keys.ts';
export type ExceptionSide = 'expenditure' | 'revenue' | 'either';

export interface CashClosingException {
  readonly side: ExceptionSide;
  readonly source: string;
  readonly description: string;
}

export const cashClosingExceptions = {
  'contract-completed-at-year-end': {
    side: 'expenditure',
    source: '지방회계법 제7조제1항제1호',
    description: '회계연도 말에 계약 이행이 완료되어 회계연도 내에 지출하기가 곤란한 경우',
  },
  'funds-not-granted': {
    side: 'expenditure',
    source: '지방회계법 제7조제1항제2호',
    description: '국가나 다른 지방자치단체 등으로부터 자금이 교부되지 아니하여 회계연도 내에 지출하기가 곤란한 경우',
  },
  'subsidy-settlement-return': {
    side: 'expenditure',
    source: '지방회계법 제7조제1항제3호, 회계령 제3조제1호',
    description: '국가 보조금 및 시·도 보조금을 정산하여 반납하는 경우',
  },
  'local-subsidy-settlement-return': {
    side: 'revenue',
    source: '지방회계법 제7조제1항제3호, 회계령 제3조제2호',
    description: '지방보조사업자가 보조금을 정산하여 반납하는 경우',
  },
  'inter-account-transfer': {
    side: 'either',
    source: '지방회계법 제7조제1항제3호, 회계령 제3조제3호',
    description: '지방자치단체 내 회계 상호간 지급금액을 대체납입하는 경우',
  },
  'advance-payment-return': {
    side: 'revenue',
    source: '지방회계법 제7조제1항제3호, 회계령 제3조제4호',
    description: '지급된 선금급을 반납하는 경우',
  },
  // 일상경비등 come back until 20 January (지방회계법 제7조제2항, read): only on an 일상경비등 advance's order (rules/return.ts).
  'petty-cash-return': {
    side: 'revenue',
    source: '지방회계법 제7조제2항',
    description: '일상경비등을 다음 회계연도 1월 20일까지 반납하는 경우',
  },
  'credit-card-bill': {
    side: 'expenditure',
    source: '지방회계법 제7조제1항제3호, 회계령 제3조제5호',
    description: '해당 회계연도에 사용한 신용카드의 사용대금을 지급하는 경우',
  },
  'private-consignment-settlement-return': {
    side: 'revenue',
    source: '지방회계법 제7조제1항제3호, 회계령 제3조제6호',
    description: '민간위탁사업의 비용을 정산하여 반납하는 경우',
  },
} as const satisfies Readonly<Record<string, CashClosingException>>;

export type CashClosingExceptionCode = keyof typeof cashClosingExceptions;

export const cashClosingExceptionCodes = keysOf(cashClosingExceptions);
