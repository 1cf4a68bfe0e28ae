import { withholdingKindCodes } from '#shared/domain/execution/withholding.ts';
import type { CashClass } from '#shared/domain/ledger/journal.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

/**
 * The 보증금 kinds of 세입세출외현금 (지방재정법 시행령 제40조제1항제2호: 계약보증·입찰보증·차액보증 and
 * 하자보수보증), as data: the liability each is held in (회계기준규칙 제22조 유동부채, 제24조 기타비유동부채,
 * the chart's `basis` column) and the law that makes it returnable or forfeit to the government. A 보증금 is
 * returned to its depositor or, on forfeiture, taken into 세입; it is never spent for the government's
 * purposes (시행령 제40조제2항) — a forfeited 하자보수보증금 excepted, which pays the repair directly.
 */
export const guaranteeKinds = {
  'bid-guarantee': {
    name: '입찰보증금',
    account: '2102', // 예수금: returned once the contract is signed, so within the year
    source: '지방재정법 시행령 제40조제1항제2호; 지방계약법 제12조 (낙찰자가 계약을 체결하지 아니하면 귀속) [U: statute text not read]',
  },
  'contract-guarantee': {
    name: '계약보증금',
    account: '2102', // 예수금: held for the contract period (current in practice [U])
    source: '지방재정법 시행령 제40조제1항제2호; 지방계약법 제15조 (계약상의 의무를 이행하지 아니하면 귀속) [U: statute text not read]',
  },
  'defect-guarantee': {
    name: '하자보수보증금',
    account: '2302', // 장기예수보증금 (제24조): held over the 하자담보책임기간, beyond a year
    source:
      '지방재정법 시행령 제40조제1항제2호; 지방계약법 제21조 (하자보수 의무를 이행하지 아니하면 귀속; 하자보수에 직접 사용 가능) [U: statute text not read]',
  },
} as const;

export type GuaranteeKind = keyof typeof guaranteeKinds;
export const guaranteeKindCodes = keysOf(guaranteeKinds);

/**
 * Why 세입세출외현금 leaves a record, and the books it may leave: what was withheld is remitted
 * (withholding.ts), a 보증금 is returned to its depositor, a forfeited 하자보수보증금 pays the repair.
 */
export const custodyPurposes = {
  remittance: { books: ['withholding'], kinds: withholdingKindCodes, source: 'practice: 원천징수 납부 (withholding.ts)' },
  return: { books: ['guarantee'], kinds: guaranteeKindCodes, source: '지방재정법 시행령 제40조제1항제2호: 보증금 반환 to the depositor' },
  'defect-repair': {
    books: ['guarantee'],
    kinds: ['defect-guarantee'],
    source:
      '지방재정법 시행령 제40조제2항 (법령에 따른 경우 외에는 사용 금지); 지방계약법 제21조 [U]: the repair paid from the 하자보수보증금',
  },
} as const satisfies Record<string, { books: readonly string[]; kinds: readonly string[]; source: string }>;

export type CustodyPurpose = keyof typeof custodyPurposes;
export const custodyPurposeCodes = keysOf(custodyPurposes);

/** Whether a record of `book` and `kind` may be paid out for `purpose`. */
export const purposeAllowed = (purpose: CustodyPurpose, book: string, kind: string): boolean =>
  (custodyPurposes[purpose].books as readonly string[]).includes(book) &&
  (custodyPurposes[purpose].kinds as readonly string[]).includes(kind);

/** The liability a record is held in: its kind's account for a 보증금, 예수금 for what was withheld. */
export const custodyAccount = (book: string, kind: string): string =>
  book === 'guarantee' && kind in guaranteeKinds ? guaranteeKinds[kind as GuaranteeKind].account : '2102';

/**
 * 세입세출외현금 on the 현금흐름표 (회계기준규칙 제35조–제37조). A 보증금 received or returned, a withheld tax paid
 * over, a repair paid from a forfeited 하자보수보증금 is none of 제36조② (자금의 융자와 회수, 자산의 취득과 처분) nor
 * of 제36조③ (자금의 차입과 상환, 지방채): money held for others is not borrowed. So it is 경상활동 by 제36조①
 * (행정서비스와 관련된 활동으로서 투자활동과 재무활동에 속하지 아니하는 거래). 제37조② shows inflows and outflows
 * gross, never netted: receipts and payments take two lines of their own, 수입 and 지출 (the 세입세출외현금출납부's
 * own words; the line names are practice [U]), so a year's deposits never hide its remittances. The netting
 * 제37조② allows (거래가 잦고 단기간에 만기가 도래하는 경우) is not taken: it is an option, and the gross lines say more.
 * What is withheld from a payment is no cash flow when the payment is made: the cash never leaves the 금고
 * (Cr 예수금, not Cr 현금); it flows out when it is remitted.
 */
export const custodyCashFlow = {
  receipt: { activity: 'operating', label: '세입세출외현금 수입' },
  payment: { activity: 'operating', label: '세입세출외현금 지출' },
} as const satisfies Record<string, CashClass>;
