import * as z from 'zod';
import { CONCURRENT_PAIRS } from '#shared/domain/registry/concurrent-roles.ts';
import { maxGovernmentsPerClient } from '#shared/auth/machine-clients.ts';
import { enrolmentStatuses, refusalReasons } from '#shared/domain/registry/resident-enrolment.ts';
import { govCode, isoDate, text } from '#shared/schemas/common.ts';

export const government = z.object({
  code: z.string().describe('5-digit code (법정동코드 prefix)'),
  nameKo: z.string(),
  nameEn: z.string(),
  level: z.enum(['metropolitan', 'basic']),
  parentCode: z.string().nullable().describe('the metropolitan government of a basic one'),
  type: z.string().describe('특별시, 광역시, 도, 시, 군, 구 …'),
});
export type Government = z.infer<typeof government>;

export const governmentList = z.object({ items: z.array(government), count: z.number().int() });

export const listGovernmentsQuery = z.strictObject({
  level: z.enum(['metropolitan', 'basic']).optional(),
  parent: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

const officeCode = text({ min: 1, max: 64 }).describe('the 관서 (department code, as in the officials’ dept claim)');

/** 겸직 exceptions (지방회계법 제23조, 제36조 단서; 시행령 제25조, 제46조), in an office whose 정원 is in offices. */
const concurrentRoleException = z.strictObject({
  pair: z
    .enum(CONCURRENT_PAIRS)
    .describe(
      'the two duties held together: 징수관+현금출납, 재무관+지출원, 재무관+현금출납, 지출원+현금출납, 채권관리관+현금수납, 부채관리관+현금출납',
    ),
  office: officeCode,
  subjects: z
    .array(text({ min: 1, max: 256 }))
    .min(1)
    .max(20)
    .describe('the officials (identity-provider subjects) allowed'),
  reference: text({ min: 1, max: 200 }).describe('the appointment that made it (문서번호)'),
  reason: text({ min: 1, max: 500 })
    .optional()
    .describe(
      'why the 정원 is too small to keep the duties apart: required for claims-and-receipt and debt-and-cash (지방재정법 제85조③, 제87조의2③)',
    ),
  from: isoDate.optional().describe('first day the appointment counts (inclusive); open when absent'),
  to: isoDate.optional().describe('last day the appointment counts (inclusive); open when absent'),
});

/** A 관서's 정원 (staff count) as its 정원 규칙 sets it: the exceptions hold only where it is within the law's limit. */
const officeHeadcount = z.strictObject({
  office: officeCode,
  headcount: z.int().min(1).max(100_000).describe('the 관서 정원'),
  reference: text({ min: 1, max: 200 }).describe('the rule or document that sets it (정원 규칙)'),
});

const appointedOfficial = z.strictObject({
  subject: text({ min: 1, max: 256 }).describe("the official's identity-provider subject"),
  grade: z.int().min(1).max(9).describe('직급: 1 (1급) … 9 (9급); lower is more senior'),
  reference: text({ min: 1, max: 200 }).describe('the appointment (문서번호)'),
});

/** 회계책임관 and 통합지출관 (지방회계법 제10조, 제45조; 시행령 제5조①, 제53조). */
const accountingAppointments = z.strictObject({
  chiefAccountant: appointedOfficial.describe('회계책임관'),
  integratedDisbursingOfficer: appointedOfficial.describe('통합지출관'),
  directSuperior: z.boolean().optional().describe("true: the 회계책임관 is the 통합지출관's 직근 상급자 (the grade may then be equal)"),
});

/** One 재정보증 (지방회계법 제50조; 시행령 제56조). */
const fidelityGuarantee = z.strictObject({
  subject: text({ min: 1, max: 256 }).describe("the 회계관계공무원's identity-provider subject"),
  amount: z.int().min(0).max(1_000_000_000_000).describe('the guarantee (or 공제) limit in won; at least 10,000,000 (시행령 제56조)'),
  from: isoDate.describe('first day it covers (inclusive)'),
  to: isoDate.describe('last day it covers (inclusive)'),
  reference: text({ min: 1, max: 200 }).describe('the 신원보증보험 증권 or 공제 가입 record'),
});

export const concurrentRolesBody = z.strictObject({
  expectedRevision: z.int().min(0).describe('the revision read (0 when none is stored)'),
  offices: z
    .array(officeHeadcount)
    .max(500)
    .refine((offices) => new Set(offices.map((entry) => entry.office)).size === offices.length, 'each office once')
    .describe('the 관서 and their 정원'),
  exceptions: z
    .array(concurrentRoleException)
    .max(200)
    .refine((all) => all.every((entry) => !entry.from || !entry.to || entry.from <= entry.to), 'from must not be after to'),
  appointments: accountingAppointments.optional().describe('회계책임관 and 통합지출관 as appointed; absent: not recorded'),
  fidelityGuarantees: z
    .array(fidelityGuarantee)
    .max(2000)
    .refine((all) => all.every((entry) => entry.from <= entry.to), 'from must not be after to')
    .optional()
    .describe(
      'the 재정보증 register; once present (even empty), an official without a guarantee in force is refused at the operations it covers',
    ),
});

export const concurrentRolesView = z.object({
  offices: z.array(officeHeadcount),
  exceptions: z.array(concurrentRoleException),
  appointments: accountingAppointments.optional(),
  fidelityGuarantees: z.array(fidelityGuarantee).optional(),
  revision: z.int(),
});

/** The machine-client registry (issue #19, finding 10): a Cognito client id, the role it acts in, its governments. */
export const machineClientParams = z.strictObject({
  clientId: z
    .string()
    .regex(/^[\w-]{1,128}$/, 'a Cognito app client id: letters, digits, _ and -')
    .describe('the Cognito app client id of the client-credentials client'),
});

export const registerMachineClientBody = z.strictObject({
  role: z.enum(['treasury_bank', 'department_official']).describe('the role its tokens act in; a scope of that role must back it'),
  govs: z
    .array(govCode)
    .min(1)
    .max(maxGovernmentsPerClient)
    .refine((govs) => new Set(govs).size === govs.length, 'a government is named twice')
    .describe(
      'the governments it acts for (a bank: those whose 금고 it is, 지방회계법 제38조); one for a government’s own client. ' +
        'Its tokens act for the government of the request’s path when it is one of these, for no other.',
    ),
});

export const machineClientView = z.object({
  clientId: z.string(),
  role: z.string(),
  govs: z.array(z.string()).describe('the governments it acts for'),
  status: z.enum(['active', 'suspended']).describe('a suspended client acts for nobody within a minute'),
  updatedAt: z.string(),
  updatedBy: z.string().describe('who registered or suspended it (the caller’s sub, or operator:<name> from the CLI)'),
});

export const machineClientList = z.object({ items: z.array(machineClientView) });

/** Residents' onboarding (issue #19, finding 10): an enrolment in a government, asked by the resident, decided by its 예산부서. */
export const requestEnrolmentBody = z.strictObject({
  gov: govCode.describe('the government the resident lives in and asks to be enrolled in; nothing personal is asked'),
});

export const enrolmentParams = z.strictObject({
  gov: govCode,
  enrolmentId: z.uuid().describe('the enrolment id the resident received when asking (they present it at the identity check)'),
});

const identityCheckReference = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{4,64}$/, '4 to 64 letters, digits, . _ : -')
  .describe('the identity check’s (본인확인) transaction reference at the 본인확인기관, never a 주민등록번호, CI or name');

export const decideEnrolmentBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('approve'), identityCheckReference }),
  z.strictObject({
    outcome: z.literal('refuse'),
    reason: z.enum(refusalReasons).describe('why: a fixed list, so no personal detail is written'),
    identityCheckReference: identityCheckReference.optional(),
  }),
]);

export const enrolmentStatusQuery = z.strictObject({
  status: z.enum(enrolmentStatuses).optional().describe('only the enrolments of this status'),
});

export const enrolmentView = z.object({
  enrolmentId: z.string(),
  gov: z.string(),
  status: z.enum(enrolmentStatuses).describe('superseded: the resident moved, approved in another government'),
  requestedAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional().describe('the official who decided (their sub)'),
  identityCheckReference: z.string().optional(),
  reason: z.enum(refusalReasons).optional(),
  supersededBy: z.string().optional().describe('the enrolment in another government that replaced this one'),
});

export const enrolmentList = z.object({ items: z.array(enrolmentView) });

export const myEnrolmentView = z.object({
  gov: z.string().nullable().describe('the government the resident acts for; null until an enrolment is approved'),
  since: z.string().nullable(),
  pending: z.object({ enrolmentId: z.string(), gov: z.string(), requestedAt: z.string() }).nullable(),
  lastDecision: z
    .object({
      enrolmentId: z.string(),
      gov: z.string(),
      outcome: z.enum(['approved', 'refused']),
      decidedAt: z.string(),
      reason: z.enum(refusalReasons).optional(),
    })
    .nullable(),
});
