import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

/**
 * 원천징수 on a payment (execution-rules.md §3.7): not regulated by 지방회계법 or its 시행령; in
 * practice the amounts withheld from a salary or fee are held as 세입세출외현금 of the 일시 보관 kind
 * (지방재정법 시행령 제40조제1항제4호: 사무관리상 필요하여 일시 보관하는 현금) until they are paid to the
 * tax office, the 지방소득세 body or the insurer. Each kind, as data, with the law that sets its due
 * date. Every due date is the 10th of the month after the month withheld.
 */
export const withholdingKinds = {
  'income-tax': {
    name: '소득세',
    payee: '관할 세무서',
    source: '소득세법 제128조제1항 (원천징수세액: 징수일이 속하는 달의 다음 달 10일까지 납부) [U: read in practice material]',
  },
  'local-income-tax': {
    name: '지방소득세 (특별징수)',
    payee: '납세지 지방자치단체',
    source: '지방세법 제103조의13 (특별징수한 지방소득세: 다음 달 10일까지 납부) [U: statute text not read]',
  },
  'national-pension': {
    name: '국민연금 근로자 부담분',
    payee: '국민연금공단',
    source: '국민연금법 제88조의2, 제89조 (연금보험료: 다음 달 10일까지 납부) [U: statute text not read]',
  },
  'health-insurance': {
    name: '건강보험 직장가입자 부담분',
    payee: '국민건강보험공단',
    source: '국민건강보험법 제78조제1항 (보험료: 다음 달 10일까지 납부) [U: statute text not read]',
  },
  'long-term-care': {
    name: '장기요양보험 근로자 부담분',
    payee: '국민건강보험공단',
    source: '노인장기요양보험법 제8조 (건강보험료와 통합 징수) [U: statute text not read]',
  },
  'employment-insurance': {
    name: '고용보험 근로자 부담분',
    payee: '국민건강보험공단 (통합징수)',
    source: '고용보험 및 산업재해보상보험의 보험료징수 등에 관한 법률 제16조의7 (다음 달 10일까지 납부) [U: statute text not read]',
  },
} as const;

export type WithholdingKind = keyof typeof withholdingKinds;
export const withholdingKindCodes = keysOf(withholdingKinds);

export interface Withholding {
  readonly kind: WithholdingKind;
  readonly amount: number;
}

/** The 10th of the month after `month` (yyyy-mm): when what was withheld in it is paid over. */
export function remittanceDueDate(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? { y: year + 1, m: 1 } : { y: year, m: mon + 1 };
  return `${next.y}-${String(next.m).padStart(2, '0')}-10`;
}

/** The 세입세출외현금 record (일시 보관) that holds one kind withheld in one month: its document id. */
export const withheldCustodyId = (month: string, kind: WithholdingKind): string => `WH-${month}-${kind}`;

/** Withholdings as a document attribute (attributes are flat): `kind:amount,kind:amount`. */
export const encodeWithholdings = (withholdings: readonly Withholding[]): string =>
  withholdings.map((w) => `${w.kind}:${w.amount}`).join(',');

export const decodeWithholdings = (encoded: string | number | undefined): Withholding[] =>
  typeof encoded === 'string' && encoded !== ''
    ? encoded.split(',').map((part) => {
        const [kind, amount] = part.split(':');
        return { kind: kind as WithholdingKind, amount: Number(amount) };
      })
    : [];

/**
 * The withholdings of a payment order are each of a kind once and together at most the gross amount:
 * the payee's net is never negative (practice: the gross executes the line, the net is paid).
 */
export function withholdingRefusal(gross: number, withholdings: readonly Withholding[]): Refusal | undefined {
  const kinds = withholdings.map((w) => w.kind);
  const repeated = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (repeated) {
    return refusal('unprocessable', 'withholding-kind-repeated', `withholding ${repeated} is given twice; give each kind once`, {
      rule: 'withholding-kind-repeated',
      kind: repeated,
    });
  }
  const withheld = withholdings.reduce((sum, w) => sum + w.amount, 0);
  if (withheld <= gross) return undefined;
  return refusal('unprocessable', 'withholding-exceeds-gross', `withholdings of ${withheld} exceed the gross amount ${gross}`, {
    rule: 'withholding-exceeds-gross',
    gross,
    withheld,
  });
}
