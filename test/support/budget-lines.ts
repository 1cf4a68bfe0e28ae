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

/**
 * The general account's 일반예비비 (E.GEN.P09.U09.D099.801-01): 지방재정법 §43① requires the 일반회계 to
 * carry one of at most 1% of its 세출, so every test budget that goes to the council has one.
 */
export const generalReserveInput = (amount: number, overrides: Partial<ExpenditureLineInput> = {}): ExpenditureLineInput =>
  expenditureLineInput({
    policyCode: 'P09',
    policyName: '예비비',
    unitCode: 'U09',
    unitName: '예비비',
    detailCode: 'D099',
    detailName: '일반예비비',
    statItem: '801-01',
    amount,
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
