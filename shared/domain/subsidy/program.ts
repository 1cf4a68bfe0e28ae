import items from '#shared/data/subsidy/subsidy-items.json' with { type: 'json' };
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/**
 * A 지방보조사업 and its 공모 on a 보조금 budget line.
 * - The line's 통계목 must be one a 지방보조금 is budgeted on (`shared/data/subsidy/subsidy-items.json`).
 * - 운영비 only with an explicit legal basis (보조금법 §6② 전단), and then only 인건비, 사무관리비, 임차료
 *   or what the head finds necessary (보조금령 §3).
 * - Applications go through a 공모 unless one of the six grounds of 보조금법 §7② 단서 applies; the
 *   ground is recorded with the program.
 * - The own share (자기부담) is set per program as a minimum ratio of the total cost, in basis points
 *   (보조금법 §6① 비용부담능력; §8①4 자기자금의 부담능력; the ratio itself is the head's, by 조례 or 공모 notice).
 */
export const subsidyItems: readonly { code: string; name: string; operatingCost: boolean }[] = items;
const itemByCode = new Map(subsidyItems.map((item) => [item.code, item]));

/** 보조금법 §7② 각 호: the grounds on which no 공모 is needed. */
export const publicCallExceptions = {
  'law-or-ordinance': '§7②1 법령이나 조례에 지원 대상자 선정방법이 다르게 규정된 경우',
  'named-national-subsidy': '§7②2 국고보조사업으로서 대상자가 지정되어 있는 경우',
  'designated-donation': '§7②3 용도가 지정된 기부금의 경우',
  'only-applicant-can-achieve': '§7②4 신청에 따라 예산에 반영된 사업으로서 그 신청자가 아니면 목적을 달성할 수 없는 경우',
  'local-government-head': '§7②5 지방보조사업을 수행하려는 자가 지방자치단체의 장인 경우',
  'force-majeure': '§7②6 천재지변이나 그 밖의 부득이한 사유',
} as const;
export type PublicCallException = keyof typeof publicCallExceptions;

/** 보조금령 §3: what 운영비 may pay for. */
export const operatingCostKinds = ['personnel', 'office', 'rent', 'other-approved'] as const;
export type OperatingCostKind = (typeof operatingCostKinds)[number];

export const recipientKinds = ['individual', 'corporation', 'group'] as const;
export type RecipientKind = (typeof recipientKinds)[number];

export interface ProgramInput {
  readonly name: string;
  readonly lineId: string;
  readonly budget: number;
  readonly minOwnShareBp: number;
  readonly eligibleKinds: readonly RecipientKind[];
  readonly operatingCost?: { readonly legalBasis: string; readonly kinds: readonly OperatingCostKind[] } | undefined;
  readonly selection:
    | { readonly kind: 'public-call'; readonly opensOn: string; readonly closesOn: string }
    | { readonly kind: 'exception'; readonly ground: PublicCallException; readonly note: string };
}

/** The 통계목 of a line id (…​.307-02). */
export const statItemOf = (lineId: string): string => lineId.slice(lineId.lastIndexOf('.') + 1);

export function programRefusal(input: ProgramInput): Refusal | undefined {
  const statItem = statItemOf(input.lineId);
  const item = itemByCode.get(statItem);
  if (!item) {
    return refusal('unprocessable', 'not-a-subsidy-item', `통계목 ${statItem} of line ${input.lineId} is not a 지방보조금 item`, {
      rule: 'line 통계목 ∈ subsidy items',
      statItem,
      subsidyItems: subsidyItems.map((i) => i.code),
    });
  }
  if (item.operatingCost && !input.operatingCost) {
    return refusal(
      'unprocessable',
      'operating-cost-needs-legal-basis',
      `${statItem} ${item.name} is 운영비: a program on it must name the law that allows it (보조금법 §6②)`,
      { rule: '보조금법 §6② 운영비는 법령에 명시적 근거가 있는 경우에만', statItem },
    );
  }
  if (input.selection.kind === 'public-call' && input.selection.closesOn < input.selection.opensOn) {
    return refusal('unprocessable', 'invalid-public-call-period', 'the 공모 closes before it opens', {
      rule: 'opensOn ≤ closesOn',
      opensOn: input.selection.opensOn,
      closesOn: input.selection.closesOn,
    });
  }
  return undefined;
}

/** An application is taken while the 공모 is open (보조금법 §7① "지정한 기일 내"). */
export function callOpenRefusal(selection: ProgramInput['selection'], on: string): Refusal | undefined {
  if (selection.kind !== 'public-call') return undefined;
  if (on >= selection.opensOn && on <= selection.closesOn) return undefined;
  return refusal('conflict', 'public-call-closed', `the 공모 takes applications from ${selection.opensOn} to ${selection.closesOn}`, {
    rule: 'opensOn ≤ date ≤ closesOn (보조금법 §7①)',
    date: on,
    opensOn: selection.opensOn,
    closesOn: selection.closesOn,
  });
}
