import { describe, expect, it } from 'vitest';
import {
  AdjustmentError,
  allowanceAdjustment,
  constructionCompletion,
  depreciation,
  issueDifferenceAmortisation,
} from '#shared/domain/accounting/adjustments.ts';
import type { RegisterAsset } from '#shared/domain/accounting/adjustments.ts';
import { bondIssue } from '#shared/domain/accounting/bond-issue.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';

const amountOf = (e: JournalEntry | null) => e?.lines[0]?.debit ?? 0n;
const sides = (e: JournalEntry | null) => e?.lines.map((l) => `${l.debit > 0n ? 'Dr' : 'Cr'} ${l.account} ${l.debit + l.credit}`);

const truck: RegisterAsset = {
  entity: 'GEN',
  account: '1306',
  cost: 1_000n,
  residual: 100n,
  inService: '2025-03-15',
  usefulLifeYears: 3,
  structureType: '행정운영경비',
};

describe('depreciation (제49조② 정액법, 제50조)', () => {
  it('charges by months in service and sums exactly to cost − residual', () => {
    // 900 over 36 months from March 2025: 2025 10 months → 250; through 2026 22 → 550; through 2027 34 → 850; 2028 → 900
    const charges = [2024, 2025, 2026, 2027, 2028, 2029].map((y) => amountOf(depreciation(truck, y)));
    expect(charges).toEqual([0n, 250n, 300n, 300n, 50n, 0n]);
    expect(sides(depreciation(truck, 2025))).toEqual(['Dr 5202 250', 'Cr 1310 250']);
  });

  it('charges a 정책사업 asset to 사업총원가 of its 기능', () => {
    const entry = depreciation({ ...truck, structureType: '정책사업', function: '080' }, 2025)!;
    expect(entry.lines[0]).toEqual({ account: '5103', debit: 250n, credit: 0n, function: '080' });
  });

  it('does not depreciate land, nor 사회기반시설 kept in condition (제50조②)', () => {
    expect(depreciation({ ...truck, account: '1301', usefulLifeYears: null }, 2025)).toBeNull();
    expect(depreciation({ ...truck, account: '1501', maintainedInCondition: true }, 2025)).toBeNull();
    expect(() => depreciation({ ...truck, maintainedInCondition: true }, 2025)).toThrow(AdjustmentError);
    expect(() => depreciation({ ...truck, account: '1309' }, 2025)).toThrow(AdjustmentError); // 건설중인자산
  });
});

describe('건설중인자산 transfer on completion', () => {
  it('moves the cost to the finished asset of the same class', () => {
    expect(sides(constructionCompletion({ entity: 'GEN', assetAccount: '1401', amount: 40n }))).toEqual(['Dr 1401 40', 'Cr 1406 40']);
    expect(() => constructionCompletion({ entity: 'GEN', assetAccount: '1202', amount: 40n })).toThrow(AdjustmentError);
  });
});

describe('대손충당금 (제46조)', () => {
  const base = { entity: 'GEN', receivableAccount: '1105', allowanceBalance: 0n, rate: { numerator: 1n, denominator: 10n } };
  it('rounds half up to the target and books the change', () => {
    expect(sides(allowanceAdjustment({ ...base, receivableBalance: 333n }))).toEqual(['Dr 5302 33', 'Cr 1106 33']);
    expect(sides(allowanceAdjustment({ ...base, receivableBalance: 335n }))).toEqual(['Dr 5302 34', 'Cr 1106 34']);
  });
  it('reverses an excess allowance and does nothing when it is right', () => {
    expect(sides(allowanceAdjustment({ ...base, receivableBalance: 100n, allowanceBalance: 25n }))).toEqual(['Dr 1106 15', 'Cr 4503 15']);
    expect(allowanceAdjustment({ ...base, receivableBalance: 100n, allowanceBalance: 10n })).toBeNull();
  });
  it('refuses accounts without an allowance and rates outside 0…1', () => {
    expect(() => allowanceAdjustment({ ...base, receivableAccount: '1101', receivableBalance: 1n })).toThrow(AdjustmentError);
    expect(() => allowanceAdjustment({ ...base, receivableBalance: 1n, rate: { numerator: 2n, denominator: 1n } })).toThrow(
      AdjustmentError,
    );
  });
});

describe('지방채 issue and discount amortisation (제54조)', () => {
  it('carries the face value with the discount deducted', () => {
    expect(sides(bondIssue({ entity: 'GEN', face: 1_000n, proceeds: 970n }))).toEqual(['Dr 1101 970', 'Dr 2202 30', 'Cr 2201 1000']);
    expect(sides(bondIssue({ entity: 'GEN', face: 1_000n, proceeds: 1_000n }))).toEqual(['Dr 1101 1000', 'Cr 2201 1000']);
  });
  it('writes the discount off to 이자비용 until maturity by the effective rate, exactly', () => {
    // A zero-coupon bond (표면이자 0) of 1,000 issued at 970, due 2027-06 (24 months): the carrying amount grows by
    // (1,000/970)^(1/24) a month, so the 차금 left after t months is 1,000 − 970 × (1,000/970)^(t/24):
    // t=6 (2025-12) 22.586 → written off 7.414 → 7; t=18 (2026-12) 7.586 → 22.414 → 22; 2027 the rest → 30
    const years = [2025, 2026, 2027, 2028].map(
      (year) =>
        issueDifferenceAmortisation({
          entity: 'GEN',
          face: 1_000n,
          direction: 'discount',
          amount: 30n,
          issued: '2025-07-01',
          schedule: [{ dueDate: '2027-06-30', principal: 1_000, interest: 0 }],
          year,
        }).at(0) ?? null,
    );
    expect(years.map(amountOf)).toEqual([7n, 15n, 8n, 0n]);
    expect(sides(years[0]!)).toEqual(['Dr 5301 7', 'Cr 2202 7']);
  });
});
