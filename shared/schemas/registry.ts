import * as z from 'zod';
import { isoDate, text } from '#shared/schemas/common.ts';

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
    .enum(['collection-and-cash', 'finance-and-disbursing', 'finance-and-cash', 'disbursing-and-cash'])
    .describe('the two duties held together: 징수관+현금출납, 재무관+지출원, 재무관+현금출납, 지출원+현금출납'),
  office: officeCode,
  subjects: z
    .array(text({ min: 1, max: 256 }))
    .min(1)
    .max(20)
    .describe('the officials (identity-provider subjects) allowed'),
  reference: text({ min: 1, max: 200 }).describe('the appointment that made it (문서번호)'),
  from: isoDate.optional().describe('first day the appointment counts (inclusive); open when absent'),
  to: isoDate.optional().describe('last day the appointment counts (inclusive); open when absent'),
});

/** A 관서's 정원 (staff count) as its 정원 규칙 sets it: the exceptions hold only where it is within the law's limit. */
const officeHeadcount = z.strictObject({
  office: officeCode,
  headcount: z.int().min(1).max(100_000).describe('the 관서 정원'),
  reference: text({ min: 1, max: 200 }).describe('the rule or document that sets it (정원 규칙)'),
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
});

export const concurrentRolesView = z.object({
  offices: z.array(officeHeadcount),
  exceptions: z.array(concurrentRoleException),
  revision: z.int(),
});
