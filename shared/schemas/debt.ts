import * as z from 'zod';
import { debtBands } from '#shared/domain/debt/debt-ratio.ts';
import { exactRatio } from '#shared/schemas/disclosure.ts';
import { fiscalYear, govCode, isoDate, positiveWon, text, won, wonTotal } from '#shared/schemas/common.ts';

const reference = (what: string) => z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, `${what}: 1–40 letters, digits, "-" or "_"`);

export const debtId = reference('debt id');
export const debtKinds = ['local-bond', 'borrowing'] as const;

export const issueDebtBody = z
  .strictObject({
    debtId: debtId.describe('the register code, e.g. LB2026-01; issuing the same id twice is refused'),
    kind: z.enum(debtKinds).describe('지방채 (bond) or 차입금 (borrowing)'),
    name: text({ min: 1, max: 200 }),
    lender: text({ min: 1, max: 200 }).optional(),
    principal: positiveWon,
    rateBp: z.number().int().min(0).max(10_000).describe('annual rate in basis points: 350 = 3.50%'),
    issueDate: isoDate,
    maturityDate: isoDate,
    method: z.enum(['bullet', 'equal-principal']),
    installments: z.number().int().min(1).max(600).optional(),
    intervalMonths: z.number().int().min(1).max(60).optional(),
  })
  .refine((body) => body.method === 'bullet' || (body.installments !== undefined && body.intervalMonths !== undefined), {
    message: 'equal-principal needs installments and intervalMonths',
    path: ['installments'],
  })
  .refine((body) => body.method === 'equal-principal' || (body.installments === undefined && body.intervalMonths === undefined), {
    message: 'a bullet repayment has no installments',
    path: ['installments'],
  });

const installment = z.object({
  number: z.number().int(),
  dueDate: z.string(),
  principal: z.number().int(),
  interest: z.number().int(),
  balanceAfter: z.number().int(),
});

export const debt = z.object({
  gov: z.string(),
  debtId: z.string(),
  kind: z.enum(debtKinds),
  name: z.string(),
  lender: z.string().optional(),
  principal: z.number().int(),
  rateBp: z.number().int(),
  issueDate: z.string(),
  maturityDate: z.string(),
  method: z.enum(['bullet', 'equal-principal']),
  schedule: z.array(installment),
  repaid: z.number().int(),
  outstanding: z.number().int(),
  createdAt: z.string(),
});

export const debtEntry = z.object({
  entryId: z.string(),
  type: z.enum(['repayment', 'reversal']),
  amount: z.number().int(),
  date: z.string(),
  reverses: z.string().optional(),
  recordedAt: z.string(),
});

export const debtDetail = debt.extend({ entries: z.array(debtEntry) });
export const debtList = z.object({ items: z.array(debt), outstandingTotal: wonTotal });

export const debtParams = z.strictObject({ gov: govCode, debtId });
export const repaymentParams = z.strictObject({ gov: govCode, debtId, reference: reference('repayment reference') });

export const repaymentBody = z.strictObject({
  reference: reference('repayment reference').describe(
    'business key: the same reference with the same amount and date replays the first answer; with others it is refused',
  ),
  amount: positiveWon.describe('principal repaid, won'),
  date: isoDate,
});

export const btlBalanceBody = z.strictObject({
  reference: reference('record reference').describe(
    'business key: the same reference with the same figures replays the first answer; with others it is refused',
  ),
  project: reference('BTL project').describe('the 임대형 민자사업 (BTL) the balance is of, e.g. BTL-SCHOOL-01'),
  asOf: isoDate.describe('the date the balance is counted at: it stands for every later date until a later record of the project'),
  amount: won.describe('임대료 중 순지방비로 지급하여야 할 잔액 at asOf, won (0 once paid off)'),
});

export const btlBalance = z.object({
  gov: z.string(),
  reference: z.string(),
  project: z.string(),
  asOf: isoDate,
  amount: won,
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const debtRatioQuery = z.strictObject({
  year: fiscalYear,
  asOf: isoDate.optional().describe('the date the debt is counted at (YYYY-MM-DD); default the last day of the year'),
});

const ratioFields = {
  outstanding: wonTotal,
  budget: wonTotal.nullable().describe('final budget total (세출); null when the year has no final budget'),
  ratio: exactRatio.nullable(),
  band: z.enum(debtBands).nullable(),
  bandName: z.string().nullable(),
};

export const governmentDebtRatio = z.object({
  gov: z.string(),
  year: z.number().int(),
  ...ratioFields,
  outstanding: wonTotal.describe('채무 at asOf: 지방채 + 차입금 + 채무부담행위 + 보증채무 이행책임액 + BTL 순지방비 지급 잔액'),
  budget: wonTotal.nullable().describe('최종예산: the final version’s 세출 total; null when the year has no final budget'),
  asOf: isoDate,
  bondsAndBorrowings: wonTotal.describe('지방채증권 and 차입금 outstanding at asOf (the register’s issues less repayments to that date)'),
  debtBurdens: wonTotal.describe(
    '채무부담행위 of the final version’s 예산총칙 not yet repaid at asOf (repayments count from the end of their year)',
  ),
  guaranteeLiability: wonTotal.describe('보증채무 중 이행책임액: hojo records no guarantees, so always 0'),
  btlNetLocalCost: wonTotal.describe(
    '임대형 민자사업 순지방비 지급 잔액 (시행령 §65의2①2): per BTL project, the latest recorded balance dated on or before asOf',
  ),
  version: z.number().int().nullable().describe('the final budget version read for the 최종예산 and the 채무부담행위'),
});

export const nationalDebtRatios = z.object({
  year: z.number().int(),
  asOf: isoDate.describe('채무 is counted at the last day of the year'),
  outstandingTotal: wonTotal,
  bands: z.object({ normal: z.number().int(), caution: z.number().int(), severe: z.number().int(), unknown: z.number().int() }),
  items: z.array(z.object({ gov: z.string(), name: z.string(), ...ratioFields })),
});

export const yearPathParams = z.strictObject({ year: fiscalYear });
