import * as z from 'zod';
import { applicationStates } from '#shared/domain/subsidy/lifecycle.ts';
import { disclosureFailures } from '#shared/domain/subsidy/correction-order.ts';
import { objectionOutcomes, objectionSubjectCodes } from '#shared/domain/subsidy/objection.ts';
import { exclusionGrounds, exclusionParties } from '#shared/domain/subsidy/exclusion.ts';
import { isBusinessNumber, isCorporateNumber, isResidentNumber } from '#shared/domain/subsidy/identifiers.ts';
import { publicationTargetCodes, withholdingGroundCodes } from '#shared/domain/subsidy/publication.ts';
import { operatingCostKinds, publicCallExceptions, recipientKinds } from '#shared/domain/subsidy/program.ts';
import { fiscalYear, govCode, isoDate, pageQuery, positiveWon, won } from '#shared/schemas/common.ts';
import { keysOf } from '#shared/domain/table-keys.ts';

export const programId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a program id: letters, digits and hyphens, up to 40');
export const applicationId = z.string().regex(/^A[0-9a-z]{10,40}$/, 'an application id as returned when it was submitted');
export const paymentId = z.string().regex(/^P[0-9a-z]{10,40}$/, 'a payment request id as returned when it was made');

export const programParams = z.strictObject({ gov: govCode, year: fiscalYear, programId });
export const applicationParams = z.strictObject({ gov: govCode, year: fiscalYear, applicationId });
export const paymentParams = z.strictObject({ gov: govCode, year: fiscalYear, applicationId, paymentId });
/** A record numbered under an application in the path (its first 시정명령 or objection is 1). */
const numberOnApplication = (description: string) => z.coerce.number().int().min(1).max(1000).describe(description);

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const period = z.strictObject({ start: isoDate, end: isoDate });

export const programBody = z.strictObject({
  programId,
  name: text(2, 200),
  lineId: z
    .string()
    .regex(/^E\.[A-Z0-9]+(\.[A-Za-z0-9]+)*\.\d{3}-\d{2}$/, 'an expenditure line id ending in its 통계목, e.g. E.GEN.P1.U1.D1.307-02'),
  budget: positiveWon.describe('won the program may grant in the year'),
  minOwnShareBp: z.int().min(0).max(10_000).describe('minimum own share of the total cost, in basis points (1000 = 10 %)'),
  eligibleKinds: z.array(z.enum(recipientKinds)).min(1),
  operatingCost: z
    .strictObject({ legalBasis: text(2, 300), kinds: z.array(z.enum(operatingCostKinds)).min(1) })
    .optional()
    .describe('운영비: only with an explicit legal basis (보조금법 §6②); what it may pay for (보조금령 §3)'),
  selection: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('public-call'), opensOn: isoDate, closesOn: isoDate }),
    z.strictObject({
      kind: z.literal('exception'),
      ground: z.enum(keysOf(publicCallExceptions)),
      note: text(5, 1000),
    }),
  ]),
});

const residentNumber = z.string().refine(isResidentNumber, 'a 주민등록번호 is YYMMDD-NNNNNNN');

export const identityBody = z
  .strictObject({
    kind: z.enum(recipientKinds),
    name: text(1, 200).describe('성명 or 상호/명칭'),
    businessNumber: z.string().refine(isBusinessNumber, 'not a valid 사업자등록번호').optional(),
    corporateNumber: z.string().refine(isCorporateNumber, 'not a valid 법인등록번호').optional(),
    representative: z
      .strictObject({ name: text(1, 100), residentNumber })
      .describe('대표자, or the person for an individual (보조금령 §19⑤)'),
  })
  .refine((identity) => identity.kind !== 'corporation' || identity.corporateNumber !== undefined, {
    message: 'a corporation gives its 법인등록번호',
    path: ['corporateNumber'],
  });

const costLine = z.strictObject({ item: text(1, 100), grant: won, own: won });

export const applicationBody = z.strictObject({
  identity: identityBody,
  projectName: text(2, 200),
  plan: text(20, 8000).describe('사업계획서 (purpose and content)'),
  costs: z
    .array(costLine)
    .min(1)
    .max(50)
    .refine((lines) => new Set(lines.map((line) => line.item)).size === lines.length, 'each cost item once'),
  amountAsked: positiveWon,
  ownShare: won,
  period,
  submittedOn: isoDate,
});

export const reviewBody = z.strictObject({
  meetingDate: isoDate,
  registered: z.int().min(1).max(99).describe('재적위원 (at most 15: 보조금법 §26③)'),
  present: z.array(text(1, 100)).max(99),
  recused: z.array(text(1, 100)).max(99).default([]),
  inFavour: z.int().min(0),
  approvedAmount: won,
  conditions: z.array(text(1, 500)).max(20).default([]),
});

export const decisionBody = z.strictObject({
  amount: positiveWon,
  decidedOn: isoDate,
  conditions: z.array(text(1, 500)).max(20).default([]),
  overrideReason: text(1, 2000).optional().describe('required when similar grants are flagged: why the grant is not a duplicate'),
  cutBp: z
    .int()
    .min(0)
    .max(5000)
    .optional()
    .describe(
      'a 실적보고 of this recipient to this government was late: the cut of this grant in basis points, inside the band of the delay (보조금법 §17③; 보조금령 §9④)',
    ),
  cutWaiver: text(1, 2000).optional().describe('a late 실적보고 is pending and this grant is not cut: why'),
  disclosureCutBp: z
    .int()
    .min(0)
    .max(5000)
    .optional()
    .describe(
      '시정명령 for a 공시 of this recipient to this government went unmet: the cut in basis points of the disclosed year’s grant total, inside the band of the count (보조금법 §20의2②; 보조금령 §11의2⑤)',
    ),
  disclosureCutWaiver: text(1, 2000).optional().describe('시정명령 for a 공시 went unmet and this grant is not cut: why'),
});

/** A written 시정명령 for the grant's 공시 (보조금법 §20의2②; 보조금령 §11의2④). */
export const disclosureOrderBody = z.strictObject({
  ground: z.enum(disclosureFailures).describe('not-disclosed: no 공시 by its day (4 months after year end); false-disclosure: 거짓 공시'),
  content: text(1, 4000).describe('what is to be corrected, as the written order states it'),
  issuedOn: isoDate,
  complyBy: isoDate.describe('the day by which the order is to be complied with'),
});
export const disclosureOrderParams = applicationParams.extend({
  orderNo: numberOnApplication("the 시정명령's number on the grant (1 for the first)"),
});
export const disclosureComplianceBody = z.strictObject({
  compliedOn: isoDate.describe('the day the recipient disclosed or corrected the 공시 (after complyBy it still counts as unmet)'),
});

const evidence = z.strictObject({
  kind: z.enum(['e-invoice', 'e-tax-invoice', 'card-approval', 'other']).describe('보조금령 §5의2③ 1–4호'),
  reference: text(1, 200),
});

export const paymentRequestBody = z.strictObject({
  amount: positiveWon,
  requestedOn: isoDate,
  evidence: z.array(evidence).min(1).max(100),
});
export const paymentBody = z.strictObject({ paidOn: isoDate });

export const executionBody = z.strictObject({
  item: text(1, 100),
  source: z.enum(['grant', 'own']),
  amount: positiveWon,
  date: isoDate,
  evidence,
});

export const allocationChangeBody = z.strictObject({ costs: z.array(costLine).min(1).max(50), reason: text(5, 2000) });
export const allocationApprovalBody = z.strictObject({ approve: z.boolean(), note: text(1, 1000).optional() });

export const reportBody = z.strictObject({
  submittedOn: isoDate,
  completedOn: isoDate.optional(),
  interest: won.describe('interest the grant money earned'),
  verification: z
    .strictObject({ auditor: text(1, 200), reportRef: text(1, 200) })
    .optional()
    .describe('외부 감사인 검증 (≥ 3억원)'),
});

export const settlementBody = z.strictObject({ fixedAmount: won, interest: won, settledOn: isoDate });
export const returnBody = z.strictObject({
  amount: positiveWon,
  receivedOn: isoDate,
  revenueLineId: z.string().regex(/^R\./, 'a revenue line id').optional().describe('needed when received after 31 December'),
});
/** 이의신청 (보조금법 §36의2①). */
export const objectionBody = z.strictObject({
  subject: z.enum(objectionSubjectCodes).describe('the measure objected to: 교부 결정, 조건, 취소, 반환명령, 삭감, 배제·제한, 제재부가금'),
  noticeOn: isoDate.describe('the day the notice of that measure was received'),
  filedOn: isoDate.describe('the day the written objection is filed (within 20 days of noticeOn)'),
  grounds: text(1, 4000),
});
export const objectionParams = applicationParams.extend({
  objectionNo: numberOnApplication("the objection's number on the application (1 for the first)"),
});
/** The head's decision on an objection (보조금법 §36의2③). */
export const objectionDecisionBody = z.strictObject({
  decidedOn: isoDate,
  outcome: z.enum(objectionOutcomes),
  heard: text(1, 2000).describe('whose views were heard before deciding (관계자의 의견, §36의2③)'),
  measures: text(1, 4000).describe('the measures taken, as notified to the objector'),
});

/** The objector's 수락 of the decision on its objection (보조금법 §36의2③ 후단). */
export const objectionAcceptanceBody = z.strictObject({
  acceptedOn: isoDate.describe('the day the objector accepts the decision (no later than its acceptBy)'),
});

export const cancellationBody = z.strictObject({
  ground: z
    .string()
    .max(40)
    .describe(
      'circumstances (§11 사정변경), other-use, violation, fraud or ordinance (§12①1–4), withdrawn (§36의2③ 후단); others are refused with the list',
    ),
  amount: positiveWon.describe('the part of the decision cancelled (the whole decision for a full cancellation)'),
  reason: text(1, 1000),
  cancelledOn: isoDate,
  interest: won.default(0).describe('interest the cancelled part earned since it was paid (보조금법 §31①)'),
});
export const sanctionBody = z.strictObject({
  amount: positiveWon,
  finesAlready: won.default(0),
  noticeOn: isoDate,
  cancellationRef: text(1, 200),
});

export const exclusionBody = z.strictObject({
  party: z.enum(exclusionParties),
  ground: z.enum(exclusionGrounds),
  count: z.int().min(0).max(1000),
  from: isoDate,
  reductionMonths: z.int().min(0).max(60).default(0),
  violation: text(5, 2000),
  identity: z.strictObject({
    name: text(1, 200),
    businessNumber: z.string().refine(isBusinessNumber, 'not a valid 사업자등록번호').optional(),
    corporateNumber: z.string().refine(isCorporateNumber, 'not a valid 법인등록번호').optional(),
    representative: z.strictObject({ name: text(1, 100), residentNumber }).optional(),
  }),
});

/* 명단 공표 (보조금법 §30; 보조금령 §17). */
const age = z.int().min(0).max(150);
export const publicationNoticeBody = z.strictObject({
  target: z
    .enum(publicationTargetCodes)
    .describe('who is published: §30①1 시정명령 3회+, §30①2 excluded recipient, §30①3 restricted end receiver'),
  particulars: z
    .strictObject({
      name: text(1, 200),
      age: age.optional(),
      address: text(1, 400),
      representative: z.strictObject({ name: text(1, 100), age: age.optional(), address: text(1, 400).optional() }).optional(),
      violation: text(5, 2000).describe('the violation (보조금령 §17①2)'),
      measures: text(1, 2000).describe('the 반환 and 제재부가금 ordered for it (보조금령 §17①3)'),
    })
    .describe('what would be published, as notified in writing before the committee (보조금령 §17①④)'),
  applicationRef: z.strictObject({ year: fiscalYear, applicationId: z.string().regex(/^A[0-9a-z]{9,30}$/) }).optional(),
  exclusionRef: text(1, 60).optional(),
  noticeOn: isoDate,
  statementBy: isoDate.describe('the last day for 소명자료 or a statement (보조금법 §30③)'),
});
export const publicationParams = z.strictObject({
  gov: govCode,
  publicationId: z
    .string()
    .regex(/^N[0-9a-z]{9,30}$/)
    .describe('the 명단 공표 case'),
});
export const publicationStatementBody = z.strictObject({
  receivedOn: isoDate,
  text: text(1, 8000).describe('the statement, or a list of the 소명자료 received'),
});
export const publicationDecisionBody = z.strictObject({
  decidedOn: isoDate,
  committeeOn: isoDate.describe('the day the 지방보조금관리위원회 met on it (after the notice)'),
  publish: z.boolean(),
  withheldGround: z
    .enum(withholdingGroundCodes)
    .optional()
    .describe('보조금령 §17③: death, 실종선고, or no benefit found by the committee'),
  extensionMonths: z.int().min(0).max(24).default(0).describe('beyond the 1 year, after the committee (보조금령 §17②; at most 12)'),
  reason: text(1, 2000),
});
export const publishedNamesQuery = z.strictObject({
  on: isoDate.optional().describe('the day the list is shown for (today when absent)'),
});
export const publicationView = z.looseObject({
  publicationId: z.string(),
  state: z.string(),
  noticeOn: z.string(),
  statementBy: z.string(),
});
export const publishedNamesView = z.object({ gov: z.string(), on: z.string(), items: z.array(z.looseObject({})) });

export const recipientGrantsParams = z.strictObject({
  idKind: z.enum(['brn', 'crn']),
  idValue: z.string().regex(/^\d{10}$|^\d{13}$/, '10 (사업자등록번호) or 13 (법인등록번호) digits'),
});

/* Responses (documentation; the views never carry a 주민등록번호). */
export const program = z.looseObject({
  programId: z.string(),
  name: z.string(),
  lineId: z.string(),
  budget: z.number(),
  decided: z.number(),
});
export const applicationView = z.looseObject({
  applicationId: z.string(),
  programId: z.string(),
  state: z.enum(applicationStates),
  projectName: z.string(),
  amountAsked: z.number(),
  allowedSteps: z.array(z.string()),
});
export const applicationList = z.object({ items: z.array(applicationView) });
export const paymentView = z.looseObject({ paymentId: z.string(), amount: z.number(), state: z.enum(['requested', 'paid']) });
export const exclusionView = z.looseObject({
  exclusionId: z.string(),
  party: z.string(),
  ground: z.string(),
  from: z.string(),
  until: z.string(),
});
export const nationalList = z.object({
  items: z.array(z.looseObject({})),
  nextCursor: z.string().optional().describe('present when more items may follow: pass it as cursor'),
});
/** The ministry's list of every government's published names on a day, a page at a time. */
export const nationalPublishedNamesQuery = publishedNamesQuery.extend(pageQuery.shape);
export const nationalPublishedNamesView = nationalList.extend({ on: z.string() });
