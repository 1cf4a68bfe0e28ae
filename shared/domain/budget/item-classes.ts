import { itemOfStat } from '#shared/domain/budget/classification.ts';

/**
 * The classes of 편성목/통계목 that the rules on changing a budget name, as a table (law in data):
 *
 *   class          codes                    what the law says about it
 *   personnel      group 100 (101 인건비)   never 전용 to or from (지방재정법 시행령 §55①1, 기준인건비 included)
 *   debt-principal 601 (상환금: 원금)       never 전용 to or from, except 원금 ↔ 이자 (시행령 §55①3)
 *   debt-interest  311 (차입금이자)         the 이자 side of that exception (시행령 §55①3)
 *   entertainment  203 (업무추진비)         never 전용 into from another 비목 (시행령 §55②); no 예비비 for it (시행령 §48)
 *   subsidy        307-02/03/04, 307-10/11, 402-01/02 (보조금)
 *                                          no 예비비 except for 긴급재난대책 (시행령 §48)
 *   reserve        801 (예비비)             spent only after a 사용결정 moves it to a 세출 line and it is allotted
 *                                          there (시행령 §56③); ≤ 1% of the 회계's budget (지방재정법 §43①)
 *
 * Which codes make up 상환금, 차입금이자 and 보조금 follows the 편성목 of the local budget classification
 * as published in budget books (practice: 지방자치단체 예산편성 운영기준, not read in full; see
 * shared/data/SOURCES.md).
 */
export type ItemClass = 'personnel' | 'debt-principal' | 'debt-interest' | 'entertainment' | 'subsidy' | 'reserve' | 'other';

const SUBSIDY_STAT_ITEMS = new Set(['307-02', '307-03', '307-04', '307-10', '307-11', '402-01', '402-02']);

/** The class of a 통계목 ("201-01") for the change rules. */
export function itemClassOf(statItem: string): ItemClass {
  const item = itemOfStat(statItem);
  if (item.startsWith('1')) return 'personnel';
  if (item === '601') return 'debt-principal';
  if (item === '311') return 'debt-interest';
  if (item === '203') return 'entertainment';
  if (item === '801') return 'reserve';
  if (SUBSIDY_STAT_ITEMS.has(statItem)) return 'subsidy';
  return 'other';
}

/** 일반예비비 and 재해·재난목적예비비 (지방재정법 §43①②); which 통계목 carries which is practice [U]. */
export const DISASTER_RESERVE_STAT_ITEM = '801-02';
export const isReserve = (statItem: string): boolean => itemClassOf(statItem) === 'reserve';
export const isGeneralReserve = (statItem: string): boolean => isReserve(statItem) && statItem !== DISASTER_RESERVE_STAT_ITEM;
