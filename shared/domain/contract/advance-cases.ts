/**
 * 선금급 (지방회계법 §35; 회계령 §44①): the costs that may be paid in advance, by 호. Only 13호
 * (공사·제조·용역 계약의 대가) has a ceiling: 70% of the contract amount, or 100% where the head finds it
 * necessary for the smooth progress of the works, considering the contractor's finances
 * (회계령 §44①13, as amended 2024-02-15; the 부칙 applies it to contracts not yet completed).
 */
export const advanceCases: Readonly<Record<number, string>> = {
  1: '토지 또는 건물의 임차료와 용선료',
  2: '운임 및 사례금',
  3: '국가·지방자치단체 또는 그 업무를 대행하는 기관에 지급하는 경비',
  4: '부담금·교부금 및 보조금',
  5: '매수·수용하는 토지 또는 그 위의 물건의 대금·보상금·이전료',
  6: '시험·연구 또는 조사의 수임인에게 지급하는 경비',
  7: '관보 등 정기간행물의 대금',
  8: '외국에서 직접 구입하는 기계·도서·표본 또는 실험용 재료의 대금',
  9: '외국에서 연구 또는 조사에 종사하는 자에게 지급하는 경비',
  10: '교통이 불편한 곳에 근무하는 사람 또는 선박 승무원의 급여',
  11: '외국 원조사업으로 외국기관·외국인에게 공사나 제조를 하게 할 때의 경비',
  12: '보수지급일에 전출·출장·휴가 중인 사람의 급여',
  13: '공사·제조 또는 용역 계약의 대가 (계약금액의 70%, 장이 인정하면 100% 이내)',
  14: '초청한 외국인에게 국내에서 지급하는 경비',
  15: '재해 구호 및 복구에 드는 경비',
};

/** 회계령 §44①13: the ceiling of a contract 선금, in basis points of the contract amount. */
export const CONTRACT_ADVANCE_CAP_BP = 7_000;
/** 회계령 §44①13 괄호: with the head's recorded decision. */
export const CONTRACT_ADVANCE_DECIDED_CAP_BP = 10_000;
/** 회계령 §44①13 applies to 공사·제조·용역 contracts. */
export const contractAdvanceNatures: readonly string[] = ['works', 'manufacturing', 'service'];
