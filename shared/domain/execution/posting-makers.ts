import type { Role } from '#shared/auth/roles.ts';
import type { PostingKind } from '#shared/domain/execution/posting.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

/** Every posting kind but the correction, which follows the kind of its original. */
export type MadeKind = Exclude<PostingKind, 'correct'>;

interface Maker {
  /** The roles that may make the posting: its route's access (shared/routes/execution.ts) is declared from them. */
  readonly roles: readonly Role[];
  /**
   * The posting records cash the treasury bank moved (its journal has a 현금 line): never corrected,
   * the money comes back or goes out by another posting (`instead`).
   */
  readonly cash?: { readonly instead: string };
  readonly source: string;
}

/**
 * Who makes each posting kind. The one table: the posting routes declare their access from it, and a
 * correction (practice: the official who keeps a book corrects an entry of it) is allowed only to the
 * roles that may make the original's kind.
 */
export const postingMakers: { readonly [K in MadeKind]: Maker } = {
  commit: { roles: ['finance_officer', 'sub_finance_officer'], source: '지방회계법 제29조: 재무관; 제47조: 분임재무관 for its share' },
  resolve: { roles: ['finance_officer', 'disbursing_officer'], source: 'practice: 지출결의 by 재무관 or 지출원 (지방회계법 제31조)' },
  order: { roles: ['disbursing_officer'], source: '지방회계법 제32조: 지출원' },
  pay: {
    roles: ['treasury_bank'],
    cash: { instead: '반납 (지방회계법 제27조): the payee returns the money to the same 세출 과목' },
    source: '지방회계법 제32조, 제38조: the 금고 pays on the payment order',
  },
  return: {
    roles: ['treasury_bank'],
    cash: { instead: '지급명령 (지방회계법 제32조): money returned in error is paid out again by a new payment order' },
    source: '지방회계법 제27조; 회계령 제28조, 제29조: the payee pays it in to the 금고, which records it and notifies the 지출원',
  },
  settle: {
    roles: ['disbursing_officer'],
    source: '지방회계법 제34조, 제35조; 회계령 제43조제2항: the 출납계산서 goes through the 지출원, who settles the advance (정산)',
  },
  withdraw: {
    roles: ['treasury_bank', 'deposit_cashier'],
    cash: { instead: '세입세출외현금 deposit: money paid out in error is deposited again on its record' },
    source:
      '지방회계법 제44조제3항, 시행령 제51조제1항: the 세입세출외현금 출납원 keeps it by kind in the 금고, which pays out what it holds (제38조); 지방재정법 시행령 제40조',
  },
  deposit: {
    roles: ['treasury_bank', 'deposit_cashier'],
    cash: { instead: '세입세출외현금 withdrawal (purpose return): money received in error is paid back to the depositor' },
    source:
      '지방회계법 제44조제3항; 회계령 제51조제1항: the 세입세출외현금 출납원 takes it in and keeps it by kind in the 금고, which receives it (제38조)',
  },
  forfeit: {
    roles: ['revenue_officer'],
    source: '지방회계법 제21조: 징수관 (the 세입 조치 of a 보증금 forfeited under 지방계약법 제12조제3항, 제15조제3항, 제21조제3항)',
  },
  cancel: {
    roles: ['finance_officer', 'sub_finance_officer'],
    source: '지방회계법 제29조, 제47조: 재무관 or 분임재무관 (practice: 지출원인행위 취소)',
  },
  reduce: {
    roles: ['finance_officer', 'sub_finance_officer'],
    source: '지방회계법 제29조, 제47조: 재무관 or 분임재무관 (practice: 지출원인행위 감액)',
  },
  assess: { roles: ['revenue_officer'], source: '지방회계법 제21조: 징수관' },
  notice: { roles: ['revenue_officer'], source: '지방회계법 제21조: 징수관 (납입고지)' },
  receive: {
    roles: ['revenue_officer', 'treasury_bank'],
    cash: { instead: '과오납 환급 (지방회계법 제28조): refund the payer' },
    source: '지방회계법 제22조: 수납기관 (the 금고 by delegation)',
  },
  'prior-year-receive': {
    roles: ['revenue_officer', 'treasury_bank'],
    cash: { instead: '과오납 환급 (지방회계법 제28조): refund the payer' },
    source: '지방회계법 제22조, 제27조제1항: 수납기관 (과년도 수입)',
  },
  'prior-year-commit': { roles: ['finance_officer'], source: '지방회계법 제29조, 제37조: 재무관 (과년도 지출)' },
  'write-off': {
    roles: ['revenue_officer', 'claims_officer'],
    source: '지방회계법 제21조: 징수관 (불납결손; practice [U]); 지방재정법 제85조: the 채권관리관 manages the 채권 ([U])',
  },
  'suspend-collection': {
    roles: ['revenue_officer', 'claims_officer'],
    source: '지방회계법 제21조: 징수관 (징수정지; practice [U]); 지방재정법 제85조: the 채권관리관 manages the 채권 ([U])',
  },
  refund: {
    roles: ['revenue_officer'],
    cash: { instead: '수납 (지방회계법 제22조): the money refunded in error is received again against the assessment' },
    source: '지방회계법 제28조: 과오납금의 반환',
  },
};

const madeKinds = Object.keys(postingMakers) as MadeKind[];
const isMadeKind = (kind: PostingKind): kind is MadeKind => kind !== 'correct';

/** The roles that may correct some posting: the makers of every kind that moves no cash (the correction route's access). */
export const correctionRoles: readonly Role[] = [
  ...new Set(madeKinds.filter((kind) => !postingMakers[kind].cash).flatMap((kind) => postingMakers[kind].roles)),
];

/** The role a caller corrects a posting of `originalKind` in: one of theirs that may make that kind. */
export const correctingRole = (originalKind: PostingKind, callerRoles: readonly Role[]): Role | undefined =>
  isMadeKind(originalKind) ? callerRoles.find((role) => postingMakers[originalKind].roles.includes(role)) : undefined;

/**
 * Whether `role` may correct a posting of `originalKind`: never one that moved cash (`bank-confirmed`,
 * 422, naming what to do instead), otherwise only in a role that may make that kind (403). A
 * correction of a correction is refused by the correction rule itself.
 */
export function correctionRefusal(originalKind: PostingKind, originalPostingId: string, role: Role | 'system'): Refusal | undefined {
  if (!isMadeKind(originalKind)) return undefined;
  const maker = postingMakers[originalKind];
  if (maker.cash) {
    return refusal(
      'unprocessable',
      'bank-confirmed',
      `posting ${originalPostingId} (${originalKind}) records cash the treasury bank moved and cannot be corrected: use ${maker.cash.instead}`,
      { rule: 'bank-confirmed', originalPostingId, originalKind, instead: maker.cash.instead },
    );
  }
  if (role !== 'system' && maker.roles.includes(role)) return undefined;
  return refusal(
    'forbidden',
    'correction-role-not-permitted',
    `a ${originalKind} posting is corrected only by [${maker.roles.join(', ')}], not by ${role}`,
    { rule: 'correction-role-not-permitted', originalPostingId, originalKind, role, permitted: maker.roles },
  );
}
