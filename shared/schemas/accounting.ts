import * as z from 'zod';
import { adjustmentKinds } from '#shared/domain/accounting/adjustment-kinds.ts';
import { accountCode } from '#shared/schemas/budget.ts';
import { fiscalYearNumber, isoDate, positiveWon, won } from '#shared/schemas/common.ts';

/** 결산정리분개 (year-end adjusting entries) and the asset register: shared/domain/accounting/year-end-adjustments.ts. */
const assetId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an asset id is 1–64 letters, digits, dots, dashes or underscores');
const structureType = z
  .enum(['program', 'administrative'])
  .describe('whose cost the depreciation is: a 정책사업 (사업총원가 of its 기능) or 관리운영비 (제26조②)');
const functionCode = z
  .string()
  .regex(/^\d{3}$/, 'a 기능 (분야) code of three digits, e.g. 080')
  .describe('the 분야 of a 정책사업 asset (제26조②1)');

export const completion = z.strictObject({
  assetId,
  fund: accountCode.describe('the 회계 whose 건설중인자산 is transferred'),
  assetAccount: z
    .string()
    .regex(/^1[345]\d{2}$/, 'a finished asset account of 일반유형자산 (13xx), 주민편의시설 (14xx) or 사회기반시설 (15xx)'),
  amount: positiveWon.describe('won transferred from 건설중인자산 (at most its balance)'),
  completedOn: isoDate.describe('completion (준공): in service from this month'),
  usefulLifeYears: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('null for land and other assets not depreciated; absent, the life the 401 line (lineId) declares'),
  lineId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'a budget line id')
    .optional()
    .describe('the 401 시설비 line of the year whose 건설중인자산 is completed: its usefulLifeYears is the default life'),
  continuingExpenditure: z
    .strictObject({
      year: fiscalYearNumber.describe('the fiscal year whose 예산총칙 (final budget) declared the 계속비'),
      id: z.string().regex(/^[0-9A-Za-z_-]{1,20}$/, '계속비 id: 1–20 letters, digits, "-" or "_"'),
    })
    .optional()
    .describe(
      'the 계속비 (지방재정법 §42) the works were built under: its usefulLifeYears, else its line’s, is the default life after the line’s',
    ),
  residual: won.optional(),
  maintainedInCondition: z.boolean().optional().describe('제50조②: 사회기반시설 kept in condition, not depreciated'),
  structureType,
  function: functionCode.optional(),
});

export const allowanceRate = z
  .strictObject({
    fund: accountCode,
    receivableAccount: z.enum(['1103', '1105', '1202']).describe('미수세금, 미수세외수입금 or 장기융자금'),
    numerator: z.number().int().min(0).max(1_000_000),
    denominator: z.number().int().min(1).max(1_000_000),
  })
  .refine((r) => r.numerator <= r.denominator, { message: 'the rate is at most 1', path: ['numerator'] });

export const bondDiscount = z
  .strictObject({
    fund: accountCode.describe('the 회계 whose 수납 posted the bond proceeds'),
    debtId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a debt id of the register'),
    discount: positiveWon.optional().describe('할인발행: face − issue price net of issue costs (제54조①②)'),
    premium: positiveWon.optional().describe('할증발행: issue price net of issue costs − face (제54조①②)'),
  })
  .refine((b) => (b.discount === undefined) !== (b.premium === undefined), {
    message: 'give either the discount or the premium of the bond',
    path: ['discount'],
  });

export const accountLife = z.strictObject({
  assetAccount: z
    .string()
    .regex(/^1[345]\d{2}$/, 'a finished asset account of 일반유형자산 (13xx), 주민편의시설 (14xx) or 사회기반시설 (15xx)'),
  usefulLifeYears: z.number().int().min(1).max(100).nullable().describe('null for land and other assets not depreciated'),
});

export const adjustingEntriesBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('construction-completion'), completions: z.array(completion).min(1).max(500) }),
  z.strictObject({ kind: z.literal('depreciation') }),
  z.strictObject({ kind: z.literal('allowance'), rates: z.array(allowanceRate).min(1).max(20) }),
  z.strictObject({ kind: z.literal('discount-amortisation'), bonds: z.array(bondDiscount).min(1).max(20) }),
  z.strictObject({
    kind: z.literal('acquisitions'),
    lives: z
      .array(accountLife)
      .max(100)
      .default([])
      .describe(
        'the useful life of each asset account the year bought (405 자산취득비 지출결의, recorded as they were applied), for purchases whose line declares no usefulLifeYears',
      ),
  }),
]);
export type AdjustingEntriesBody = z.infer<typeof adjustingEntriesBody>;

const journalLine = z.object({
  account: z.string(),
  debit: z.number().int(),
  credit: z.number().int(),
  function: z.string().optional(),
  counterpart: z.string().optional(),
});

export const adjustingEntriesView = z.object({
  gov: z.string(),
  year: z.number().int(),
  kind: z.enum(adjustmentKinds),
  input: z.record(z.string(), z.unknown()),
  entries: z.array(z.object({ fund: z.string(), date: z.string(), lines: z.array(journalLine) })),
  assetIds: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const registerAssetView = z.object({
  assetId: z.string(),
  fund: z.string(),
  account: z.string(),
  cost: z.string().describe('won (decimal string)'),
  residual: z.string(),
  inService: z.string(),
  usefulLifeYears: z.number().int().nullable(),
  structureType: z.string(),
  function: z.string().optional(),
  maintainedInCondition: z.boolean().optional(),
  registeredYear: z.number().int(),
  movedFrom: z.string().optional().describe('the asset a 과목경정 moved this part from (회계기준규칙 제60조②)'),
  movedBy: z.string().optional().describe('the 과목경정 (change id) that last moved this asset'),
});
export const assetRegister = z.object({ gov: z.string(), items: z.array(registerAssetView) });
