/**
 * The user types of the system. Korean titles follow 회계관계공무원 and the other users of e호조.
 */
export const roles = {
  department_official: '사업부서 공무원',
  budget_officer: '예산부서 (예산담당관)',
  finance_officer: '재무관 (지출원인행위)',
  sub_finance_officer: '분임재무관 (재무관의 사무를 나누어 맡음: 지방회계법 제47조)',
  disbursing_officer: '지출원 (지급명령)',
  revenue_officer: '징수관',
  petty_cash_cashier: '일상경비등 출납원 (지방회계법 제44조제3항)',
  deposit_cashier: '세입세출외현금 출납원 (지방회계법 제44조제3항)',
  claims_officer: '채권관리관 (지방재정법 제85조)',
  debt_officer: '부채관리관 (지방재정법 제87조의2)',
  chief_accountant: '회계책임관',
  head: '단체장',
  council_member: '지방의회 의원',
  research: '지방연구기관',
  ministry: '행정안전부',
  resident: '주민',
  treasury_bank: '금고 (지정 금융기관)',
  subsidy_recipient: '지방보조사업자 (token sub = recipient id)',
} as const;

export type Role = keyof typeof roles;
export const allRoles = Object.keys(roles) as Role[];

export const isRole = (value: string): value is Role => Object.hasOwn(roles, value);

/** Roles that may read data of governments other than their own (never write). */
export const crossGovernmentReaders: readonly Role[] = ['ministry', 'research'];
