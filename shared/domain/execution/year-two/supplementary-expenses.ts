/**
 * 보충적 경비: the expenses a 과년도 지출 pays without the cap of the origin 정책사업's 불용액
 * (지방회계법 제37조 단서; 지방회계법 시행령 제47조 제1호–제17호, as read in the current text, amended
 * 2018-09-18). The request names the item; the mapping of each item to 통계목 codes is not in the
 * statute and is not checked ([U]: practice, the 예산과목 구분과 설정 기준). The item named is stored with the
 * posting and its audit record.
 */
import { keysOf } from '#shared/domain/table-keys.ts';
export const supplementaryExpenses = {
  'civil-servant-pay': '제47조제1호 공무원의 보수',
  'pension-contribution': '제47조제2호 「공무원연금법」 제71조에 따른 연금부담금',
  'death-benefit': '제47조제3호 공무원 사망급여금',
  'injury-benefit': '제47조제4호 공무원 공상급여금',
  'damages-compensation': '제47조제5호 배상금과 보상금',
  'returns-deficit-repayments': '제47조제6호 반환금ㆍ결손보전금 및 상환금',
  interest: '제47조제7호 이자',
  'litigation-registration': '제47조제8호 소송 및 등기비용',
  'council-bill-printing': '제47조제9호 법령 또는 조례ㆍ규칙에 따라 지방의회에 제출하는 의안류 인쇄비',
  'local-tax-collection-grant': '제47조제10호 지방세 징수교부금',
  'disposition-costs': '제47조제11호 체납처분비 및 범칙처분비',
  'infection-quarantine': '제47조제12호 감염병 예방 및 검역비',
  'certificate-manufacture': '제47조제13호 증표류 제조비',
  'goods-return-storage': '제47조제14호 물품회송 및 보관료',
  'taxes-dues': '제47조제15호 각종 세금과 공과금',
  'utility-rate-increase': '제47조제16호 공공요금 인상에 따르는 차액',
  insurance: '제47조제17호 보험료',
} as const;

export type SupplementaryExpense = keyof typeof supplementaryExpenses;
export const supplementaryExpenseKeys = keysOf(supplementaryExpenses);
