/**
 * What each path and query parameter means, in Korean and English, for `/openapi.json` and
 * `/docs`. A parameter a route declares with its own `.describe()` keeps that text; every other
 * one is described here by name (a test fails when a route brings a parameter this list lacks).
 */
export const parameterGlossary: Readonly<Record<string, { readonly ko: string; readonly en: string }>> = {
  gov: { ko: '자치단체코드 (행정표준코드 5자리, 예: 11110 종로구)', en: 'local government code (5 digits)' },
  year: { ko: '회계연도 (네 자리)', en: 'fiscal year (four digits)' },
  version: { ko: '예산 차수: 0 본예산, 1 이후 추가경정예산', en: 'budget version: 0 the original budget, 1… supplementary budgets' },
  against: { ko: '비교할 예산 차수', en: 'the version to compare with' },
  lineId: { ko: '예산과목(예산 라인) 식별자, 예: E.GEN.P01.U01.D01.201-01', en: 'budget line id' },
  account: { ko: '회계 코드 (일반회계·특별회계·기금)', en: 'account (회계) code' },
  dept: { ko: '부서 코드', en: 'department code' },
  allotmentId: { ko: '예산배정 식별자', en: 'allotment id' },
  allocationId: { ko: '자금배정 식별자', en: 'cash allocation id' },
  changeId: { ko: '예산변경(전용·이용·이체·예비비) 식별자', en: 'budget change id' },
  revision: { ko: '예산 차수의 개정 번호 (동시 수정 방지)', en: 'revision number of the version (optimistic concurrency)' },
  by: { ko: '집계 기준', en: 'what to sum by' },
  kind: { ko: '종류', en: 'kind' },
  quarter: { ko: '분기 (1–4)', en: 'quarter (1–4)' },
  level: { ko: '자치단체 구분: 광역 또는 기초', en: 'metropolitan or basic' },
  parent: { ko: '상위 광역자치단체 코드', en: 'code of the metropolitan government above' },
  from: { ko: '기간 시작일 (포함), YYYY-MM-DD', en: 'first day (inclusive), YYYY-MM-DD' },
  to: { ko: '기간 종료일 (포함), YYYY-MM-DD', en: 'last day (inclusive), YYYY-MM-DD' },
  limit: { ko: '한 페이지의 건수', en: 'items per page' },
  cursor: { ko: '이전 페이지 응답의 nextCursor 그대로', en: 'nextCursor of the previous page, as received' },
  commitmentId: { ko: '지출원인행위 식별자', en: 'commitment id' },
  resolutionId: { ko: '지출결의 식별자', en: 'payment resolution id' },
  orderId: { ko: '지급명령 식별자', en: 'payment order id' },
  postingId: { ko: '전표(거래) 식별자', en: 'posting id' },
  assessmentId: { ko: '징수결의 식별자', en: 'revenue assessment id' },
  receiptId: { ko: '수납 식별자', en: 'receipt id' },
  key: { ko: '보관 파일 키, {연도}/{자치단체}/{보고서}/{기간}/{파일}', en: 'archive object key, {year}/{gov}/{report}/{period}/{file}' },
  report: { ko: '보고서 종류', en: 'report kind' },
  state: { ko: '상태', en: 'state' },
  proposalId: { ko: '주민참여예산 제안 식별자', en: 'participatory budgeting proposal id' },
  debtId: { ko: '채무(지방채·차입금) 식별자', en: 'debt id' },
  reference: { ko: '상환 참조번호 (업무 키)', en: 'repayment reference (business key)' },
  applicationId: { ko: '보조금 신청(교부) 식별자', en: 'subsidy application id' },
  programId: { ko: '보조사업 식별자', en: 'subsidy program id' },
  paymentId: { ko: '교부신청 식별자', en: 'subsidy payment request id' },
  contractId: { ko: '계약번호', en: 'contract number' },
  advanceId: { ko: '일상경비 교부 식별자', en: 'petty-cash advance id' },
  estimateId: { ko: '개산급 식별자', en: 'estimated payment id' },
  custodyId: { ko: '세입세출외현금 기록 식별자', en: 'custody (세입세출외현금) record id' },
  idKind: {
    ko: '식별번호 종류: brn 사업자등록번호, crn 법인등록번호',
    en: 'identifier kind: brn business or crn corporate registration number',
  },
  idValue: { ko: '식별번호 (숫자만)', en: 'identifier (digits only)' },
};

/** The text of a parameter without a description of its own: Korean, then English. */
export function glossaryDescription(name: string): string | undefined {
  const entry = parameterGlossary[name];
  return entry ? `${entry.ko} — ${entry.en}` : undefined;
}
