import type { z } from 'zod';
import type { budgetLineInput } from '#shared/schemas/budget.ts';

type LineInput = z.input<typeof budgetLineInput>;
export type ExpenditureLineInput = Extract<LineInput, { kind: 'expenditure' }>;
export type RevenueLineInput = Extract<LineInput, { kind: 'revenue' }>;

/** A valid expenditure line of the general account (E.GEN.P01.U01.D001.201-01); tests override what they vary. */
export const expenditureLineInput = (overrides: Partial<ExpenditureLineInput> = {}): ExpenditureLineInput => ({
  kind: 'expenditure',
  account: 'GEN',
  policyCode: 'P01',
  policyName: '행정운영',
  unitCode: 'U01',
  unitName: '기본경비',
  detailCode: 'D001',
  detailName: '부서운영',
  statItem: '201-01',
  sector: '016',
  dept: 'D100',
  fundingSource: 'own-revenue',
  amount: 1_000_000,
  ...overrides,
});

/** A valid revenue line of the general account (R.GEN.1.ACQTAX, 취득세). */
export const revenueLineInput = (overrides: Partial<RevenueLineInput> = {}): RevenueLineInput => ({
  kind: 'revenue',
  account: 'GEN',
  category: '1',
  item: 'ACQTAX',
  name: '취득세',
  dept: 'D100',
  amount: 1_000_000,
  ...overrides,
});
