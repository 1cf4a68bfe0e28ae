import * as z from 'zod';

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
