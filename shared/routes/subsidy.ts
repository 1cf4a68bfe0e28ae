import { governmentRead, governmentReaders, governmentWrite, nationalRead, publicAccess } from '#shared/auth/access.ts';
import { defineRoute } from '#shared/http/route.ts';
import { govParams, govYearParams, pageQuery } from '#shared/schemas/common.ts';
import {
  allocationApprovalBody,
  allocationChangeBody,
  applicationBody,
  applicationList,
  applicationParams,
  applicationView,
  cancellationBody,
  objectionBody,
  objectionAcceptanceBody,
  objectionDecisionBody,
  objectionParams,
  decisionBody,
  disclosureComplianceBody,
  disclosureOrderBody,
  disclosureOrderParams,
  exclusionBody,
  exclusionView,
  executionBody,
  nationalList,
  nationalPublishedNamesQuery,
  nationalPublishedNamesView,
  paymentBody,
  paymentParams,
  paymentRequestBody,
  paymentView,
  program,
  programBody,
  programParams,
  publicationDecisionBody,
  publicationNoticeBody,
  publicationParams,
  publicationStatementBody,
  publicationView,
  publishedNamesQuery,
  publishedNamesView,
  recipientGrantsParams,
  reportBody,
  returnBody,
  reviewBody,
  sanctionBody,
  settlementBody,
} from '#shared/schemas/subsidy.ts';

/**
 * 지방보조금 (보탬e): 사업 and 공모 → 신청 → 심의 → 교부결정 → 교부신청/교부 → 집행 → 실적보고 → 금액 확정 →
 * 반환, with the nationwide duplicate and exclusion checks. The 지방보조사업자 (`subsidy_recipient`)
 * acts on its own applications only; the ministry reads the nationwide lists and never writes.
 */
const tags = ['Subsidies (지방보조금)'];
const base = '/governments/{gov}/subsidies/{year}';
const app = `${base}/applications/{applicationId}`;
const BODY = 16 * 1024;
const officials = governmentReaders;

export const createSubsidyProgram = defineRoute({
  id: 'createSubsidyProgram',
  method: 'POST',
  path: `${base}/programs`,
  handler: 'subsidy/create-program',
  summary: '사업 and its 공모 (or the 보조금법 §7② ground for none) on a 보조금 budget line',
  tags,
  access: governmentWrite('department_official', 'budget_officer'),
  params: govYearParams,
  body: programBody,
  response: program,
  status: 201,
  maxBodyBytes: BODY,
});

export const getSubsidyProgram = defineRoute({
  id: 'getSubsidyProgram',
  method: 'GET',
  path: `${base}/programs/{programId}`,
  handler: 'subsidy/get-program',
  summary: 'A program and its 공모 (public, like the 공모 notice)',
  tags,
  access: publicAccess,
  params: programParams,
  response: program,
});

export const submitSubsidyApplication = defineRoute({
  id: 'submitSubsidyApplication',
  method: 'POST',
  path: `${base}/programs/{programId}/applications`,
  handler: 'subsidy/submit-application',
  summary: '신청 by a 지방보조사업자: 사업계획, costs (grant and own), amount asked, own share, period (보조금법 §7; 보조금령 §5)',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: programParams,
  body: applicationBody,
  response: applicationView,
  status: 201,
  maxBodyBytes: BODY,
});

export const getSubsidyApplication = defineRoute({
  id: 'getSubsidyApplication',
  method: 'GET',
  path: app,
  handler: 'subsidy/get-application',
  summary: 'An application or grant: state, money, flags, obligations (a recipient sees its own only; no 주민등록번호 ever)',
  tags,
  access: governmentRead(...officials, 'subsidy_recipient'),
  params: applicationParams,
  response: applicationView,
});

export const reviewSubsidyApplication = defineRoute({
  id: 'reviewSubsidyApplication',
  method: 'POST',
  path: `${app}/review`,
  handler: 'subsidy/review-application',
  summary: '심의: the 지방보조금관리위원회 decision as recorded by its secretariat (보조금법 §8②, §26)',
  tags,
  access: governmentWrite('budget_officer'),
  params: applicationParams,
  body: reviewBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const decideSubsidyGrant = defineRoute({
  id: 'decideSubsidyGrant',
  method: 'POST',
  path: `${app}/decision`,
  handler: 'subsidy/decide-grant',
  summary: '교부결정 and its notice: nationwide exclusion, unpaid-return and similar-grant checks; commits the line (지출원인행위)',
  description:
    'Refused 422 recipient-excluded (identifier on the register, whatever the name), 422 subsidy-returns-outstanding, or 409 similar-grant-unresolved with the matched projects and scores unless `overrideReason` is given.',
  tags,
  access: governmentWrite('department_official'),
  params: applicationParams,
  body: decisionBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const requestSubsidyPayment = defineRoute({
  id: 'requestSubsidyPayment',
  method: 'POST',
  path: `${app}/payment-requests`,
  handler: 'subsidy/request-payment',
  summary: '교부신청 by the recipient with e-(tax) invoices or 전용카드 approvals (보조금법 §10의2; 보조금령 §5의2③)',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: applicationParams,
  body: paymentRequestBody,
  response: paymentView,
  status: 201,
  maxBodyBytes: BODY,
});

export const paySubsidy = defineRoute({
  id: 'paySubsidy',
  method: 'POST',
  path: `${app}/payment-requests/{paymentId}/payment`,
  handler: 'subsidy/pay',
  summary: '교부 by the 회계과: 지출결의 and 지급명령 against the grant’s commitment',
  tags,
  access: governmentWrite('disbursing_officer'),
  params: paymentParams,
  body: paymentBody,
  response: paymentView,
  maxBodyBytes: 1024,
});

export const recordSubsidyExecution = defineRoute({
  id: 'recordSubsidyExecution',
  method: 'POST',
  path: `${app}/executions`,
  handler: 'subsidy/record-execution',
  summary: '집행 against the approved cost allocation, grant and own money apart, with evidence (보조금법 §13, §14, §24)',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: applicationParams,
  body: executionBody,
  response: applicationView,
  status: 201,
  maxBodyBytes: BODY,
});

export const requestSubsidyAllocationChange = defineRoute({
  id: 'requestSubsidyAllocationChange',
  method: 'POST',
  path: `${app}/allocation-change`,
  handler: 'subsidy/request-allocation-change',
  summary: 'The recipient asks to change the cost allocation; executions follow the old one until it is approved (보조금법 §14)',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: applicationParams,
  body: allocationChangeBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const decideSubsidyAllocationChange = defineRoute({
  id: 'decideSubsidyAllocationChange',
  method: 'POST',
  path: `${app}/allocation-change/decision`,
  handler: 'subsidy/decide-allocation-change',
  summary: 'The 사업부서 approves or refuses the change of the cost allocation',
  tags,
  access: governmentWrite('department_official'),
  params: applicationParams,
  body: allocationApprovalBody,
  response: applicationView,
  maxBodyBytes: 2048,
});

export const submitSubsidyReport = defineRoute({
  id: 'submitSubsidyReport',
  method: 'POST',
  path: `${app}/report`,
  handler: 'subsidy/submit-report',
  summary:
    '실적보고 with the 정산보고서: due 2 months after completion or year end; late bands; external verification ≥ 3억원 (보조금법 §17)',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: applicationParams,
  body: reportBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const settleSubsidyGrant = defineRoute({
  id: 'settleSubsidyGrant',
  method: 'POST',
  path: `${app}/settlement`,
  handler: 'subsidy/settle-grant',
  summary: '금액 확정 (보조금법 §19) and the 반환 due: paid + interest − fixed (§31②); the unneeded commitment is released',
  tags,
  access: governmentWrite('department_official'),
  params: applicationParams,
  body: settlementBody,
  response: applicationView,
  maxBodyBytes: 2048,
});

export const cancelSubsidyGrant = defineRoute({
  id: 'cancelSubsidyGrant',
  method: 'POST',
  path: `${app}/cancellation`,
  handler: 'subsidy/cancel-grant',
  summary: '교부결정 취소 with its ground (보조금법 §11, §12): the unpaid part leaves the commitment, the paid part is ordered back (§31①)',
  tags,
  access: governmentWrite('department_official'),
  params: applicationParams,
  body: cancellationBody,
  response: applicationView,
  maxBodyBytes: 4096,
});

export const fileSubsidyObjection = defineRoute({
  id: 'fileSubsidyObjection',
  method: 'POST',
  path: `${app}/objections`,
  handler: 'subsidy/file-objection',
  summary: '이의신청 against a measure on the grant, within 20 days of its notice (보조금법 §36의2①)',
  description: 'Refused 422 objection-period-passed after the 20th day from the notice.',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: applicationParams,
  body: objectionBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const decideSubsidyObjection = defineRoute({
  id: 'decideSubsidyObjection',
  method: 'POST',
  path: `${app}/objections/{objectionNo}/decision`,
  handler: 'subsidy/decide-objection',
  summary: 'The decision on an 이의신청 after hearing those concerned, notified to the objector (보조금법 §36의2③)',
  description:
    'Once (409 objection-decided). An objection to the decision or its conditions gets `acceptBy`: not accepted by then, the application counts as withdrawn.',
  tags,
  access: governmentWrite('department_official'),
  params: objectionParams,
  body: objectionDecisionBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const orderSubsidyDisclosure = defineRoute({
  id: 'orderSubsidyDisclosure',
  method: 'POST',
  path: `${app}/disclosure-orders`,
  handler: 'subsidy/order-disclosure',
  summary:
    'A written 시정명령 for a 공시 not made by its day or made falsely: ground, content, day to comply (보조금법 §20의2②; 보조금령 §11의2④)',
  description:
    'Refused 422 disclosure-not-required (grant under 500만원), 422 disclosure-not-yet-due (before 4 months after year end), 422 correction-order-dates, 409 correction-order-running (one order at a time). Each order not complied with by its day counts for the cut of the next grant (영 §11의2⑤); an order issued after a decision took the cut starts a new count.',
  tags,
  access: governmentWrite('department_official'),
  params: applicationParams,
  body: disclosureOrderBody,
  response: applicationView,
  status: 201,
  maxBodyBytes: BODY,
});

export const recordSubsidyDisclosureCompliance = defineRoute({
  id: 'recordSubsidyDisclosureCompliance',
  method: 'POST',
  path: `${app}/disclosure-orders/{orderNo}/compliance`,
  handler: 'subsidy/record-disclosure-compliance',
  summary: 'The compliance with a 공시 시정명령 (in time it does not count; late, it still counts: 보조금령 §11의2⑤)',
  description:
    'Once (409 correction-order-complied); 404 correction-order-not-found; 409 disclosure-cut-taken for an order a decision counted for its cut.',
  tags,
  access: governmentWrite('department_official'),
  params: disclosureOrderParams,
  body: disclosureComplianceBody,
  response: applicationView,
  maxBodyBytes: BODY,
});

export const acceptSubsidyObjectionDecision = defineRoute({
  id: 'acceptSubsidyObjectionDecision',
  method: 'POST',
  path: `${app}/objections/{objectionNo}/acceptance`,
  handler: 'subsidy/accept-objection-decision',
  summary: 'The objector accepts the decision on its objection to the 교부 결정 or its conditions (보조금법 §36의2③ 후단)',
  description:
    'By `acceptBy` (422 objection-acceptance-late after it), once. Not accepted by then, the application counts as withdrawn: payment requests, payments and spending dated later are refused 409 application-deemed-withdrawn, and the 사업부서 records the lapse as a cancellation with ground `withdrawn`.',
  tags,
  access: governmentWrite('subsidy_recipient'),
  params: objectionParams,
  body: objectionAcceptanceBody,
  response: applicationView,
  maxBodyBytes: 1024,
});

export const recordSubsidyReturn = defineRoute({
  id: 'recordSubsidyReturn',
  method: 'POST',
  path: `${app}/returns`,
  handler: 'subsidy/record-return',
  summary: '반환 received: by 31 December 반납 to the line, later current-year revenue (지방회계법 §27)',
  tags,
  access: governmentWrite('revenue_officer', 'disbursing_officer'),
  params: applicationParams,
  body: returnBody,
  response: applicationView,
  maxBodyBytes: 2048,
});

export const imposeSubsidySanction = defineRoute({
  id: 'imposeSubsidySanction',
  method: 'POST',
  path: `${app}/sanction`,
  handler: 'subsidy/impose-sanction',
  summary: '제재부가금 up to 5 × the amount to be returned, due in 30 days (보조금법 §35; 보조금령 §21)',
  tags,
  access: governmentWrite('department_official'),
  params: applicationParams,
  body: sanctionBody,
  response: applicationView,
  maxBodyBytes: 2048,
});

export const registerSubsidyExclusion = defineRoute({
  id: 'registerSubsidyExclusion',
  method: 'POST',
  path: '/governments/{gov}/subsidy-exclusions',
  handler: 'subsidy/register-exclusion',
  summary: '수행 배제·교부 제한 by the head, registered nationwide by identifier at once (보조금법 §32; 보조금령 §19)',
  tags,
  access: governmentWrite('budget_officer', 'department_official'),
  params: govParams,
  body: exclusionBody,
  response: exclusionView,
  status: 201,
  maxBodyBytes: BODY,
});

const publications = '/governments/{gov}/subsidy-publications';

export const noticeSubsidyPublication = defineRoute({
  id: 'noticeSubsidyPublication',
  method: 'POST',
  path: publications,
  handler: 'subsidy/notice-publication',
  summary: '명단 공표: the written notice of what would be published, with the period to state views (보조금법 §30③; 보조금령 §17①④)',
  tags,
  access: governmentWrite('budget_officer', 'department_official'),
  params: govParams,
  body: publicationNoticeBody,
  response: publicationView,
  status: 201,
  maxBodyBytes: BODY,
});

export const recordSubsidyPublicationStatement = defineRoute({
  id: 'recordSubsidyPublicationStatement',
  method: 'POST',
  path: `${publications}/{publicationId}/statement`,
  handler: 'subsidy/record-publication-statement',
  summary: '명단 공표: the person’s 소명 or statement, received by the day the notice set (보조금법 §30③)',
  description: 'Refused 422 publication-statement-late outside noticeOn…statementBy; 409 publication-decided once decided.',
  tags,
  access: governmentWrite('budget_officer', 'department_official'),
  params: publicationParams,
  body: publicationStatementBody,
  response: publicationView,
  maxBodyBytes: BODY,
});

export const decideSubsidyPublication = defineRoute({
  id: 'decideSubsidyPublication',
  method: 'POST',
  path: `${publications}/{publicationId}/decision`,
  handler: 'subsidy/decide-publication',
  summary: '명단 공표: the decision after the committee — published for 1 year (+ up to 1) or withheld on a 영 §17③ ground (보조금법 §30)',
  description:
    'Refused 409 publication-hearing-open before statementBy without a statement, 409 publication-appeal-pending while an objection on the referenced application is pending (§30④), 422 publication-notice-after-committee.',
  tags,
  access: governmentWrite('budget_officer', 'department_official'),
  params: publicationParams,
  body: publicationDecisionBody,
  response: publicationView,
  maxBodyBytes: BODY,
});

export const listSubsidyPublishedNames = defineRoute({
  id: 'listSubsidyPublishedNames',
  method: 'GET',
  path: '/governments/{gov}/subsidy-published-names',
  handler: 'subsidy/published-names',
  summary: 'The 명단 공표 as the government’s site shows it on a day (public; the items of 보조금령 §17①, no identifiers)',
  tags,
  access: publicAccess,
  params: govParams,
  query: publishedNamesQuery,
  response: publishedNamesView,
});

export const listMySubsidyApplications = defineRoute({
  id: 'listMySubsidyApplications',
  method: 'GET',
  path: '/subsidy-recipients/me/applications',
  handler: 'subsidy/list-my-applications',
  summary: 'The calling 지방보조사업자’s own applications in every government',
  tags,
  access: nationalRead('subsidy_recipient'),
  response: applicationList,
});

export const getNationalRecipientGrants = defineRoute({
  id: 'getNationalRecipientGrants',
  method: 'GET',
  path: '/subsidies/recipients/{idKind}/{idValue}/grants',
  handler: 'subsidy/national-recipient-grants',
  summary: 'The ministry: one recipient’s grants in every government (by 사업자등록번호 or 법인등록번호)',
  tags,
  access: nationalRead('ministry'),
  params: recipientGrantsParams,
  query: pageQuery,
  response: nationalList,
});

export const listNationalSubsidyExclusions = defineRoute({
  id: 'listNationalSubsidyExclusions',
  method: 'GET',
  path: '/subsidies/exclusions',
  handler: 'subsidy/national-exclusions',
  summary: 'The ministry: the exclusion register of every government; `onPublicList` while a 명단 공표 case naming the exclusion is shown',
  tags,
  access: nationalRead('ministry'),
  query: pageQuery,
  response: nationalList,
});

export const listNationalSubsidyPublishedNames = defineRoute({
  id: 'listNationalSubsidyPublishedNames',
  method: 'GET',
  path: '/subsidies/published-names',
  handler: 'subsidy/national-published-names',
  summary:
    'The ministry: the 명단 공표 of every government shown on a day (공표 by 31 March, for 1 year, extended by at most 1: 보조금법 §30①; 보조금령 §17②), paged',
  description:
    'Each entry carries its `gov`, the items of 보조금령 §17①, `from`/`until` and, where the case named one, `exclusionRef`; ordered by last day. The exclusion register (`GET /subsidies/exclusions`) marks an exclusion whose case is published with `publication` and `onPublicList`.',
  tags,
  access: nationalRead('ministry'),
  query: nationalPublishedNamesQuery,
  response: nationalPublishedNamesView,
});

export const listNationalOutstandingReturns = defineRoute({
  id: 'listNationalOutstandingReturns',
  method: 'GET',
  path: '/subsidies/returns-outstanding',
  handler: 'subsidy/national-returns',
  summary: 'The ministry: 반환 ordered and not yet paid, in every government',
  tags,
  access: nationalRead('ministry'),
  query: pageQuery,
  response: nationalList,
});

export const listNationalSubsidyFlags = defineRoute({
  id: 'listNationalSubsidyFlags',
  method: 'GET',
  path: '/subsidies/flags',
  handler: 'subsidy/national-flags',
  summary: 'The ministry: grants decided over a similar-grant flag, with the matches, scores and the officer’s reason',
  tags,
  access: nationalRead('ministry'),
  query: pageQuery,
  response: nationalList,
});
