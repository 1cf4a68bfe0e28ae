import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueDifferenceAmortisation } from '#shared/domain/accounting/adjustments.ts';
import { bondIssue } from '#shared/domain/accounting/bond-issue.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';
import { yearEndAdjustment } from '#shared/domain/accounting/year-end-adjustments.ts';
import { adjustingEntriesBody } from '#shared/schemas/accounting.ts';
import type { AdjustmentBooks, BondDiscount } from '#shared/domain/accounting/year-end-adjustments.ts';

/**
 * 지방채 발행차금 (회계기준규칙 제54조): carried at face with the 할인 or 할증 발행차금 beside it (①), written
 * off into 이자비용 or released from it from issue to the final repayment (②), the repaid part's
 * remainder at once on an early repayment. Every figure below is computed by hand.
 */
const sides = (entries: readonly JournalEntry[]) =>
  entries.map((e) => e.lines.map((l) => `${l.debit > 0n ? 'Dr' : 'Cr'} ${l.account} ${l.debit + l.credit}`));

describe('할인발행 repaid early in two parts (제54조②: until each part’s 최종 상환)', () => {
  /*
   * Face 1,200,000 issued 2025-07-01 at 1,164,000: discount 36,000 over 2025-07 … 2028-06 (36 months).
   * Repaid 400,000 on 2026-03-10 and the other 800,000 on 2027-09-30, before the 2028-06 maturity.
   *   shares: 36,000 × 400/1,200 = 12,000 (part 1); 36,000 × 800/1,200 = 24,000 (part 2); left outstanding 0
   *   2025: 6 of 36 months: 2,000 + 4,000 = 6,000 scheduled
   *   2026: part 1 through March (9 months) 3,000 − 2,000 = 1,000, its remainder 12,000 − 3,000 = 9,000 written off;
   *         part 2 through December (18 months) 12,000 − 4,000 = 8,000: scheduled 9,000, write-off 9,000
   *   2027: part 2 through September (27 months) 18,000 − 12,000 = 6,000, its remainder 24,000 − 18,000 = 6,000
   *   2028: nothing left. Total 6,000 + 18,000 + 12,000 = 36,000 = the discount.
   */
  const bond = {
    entity: 'GEN',
    face: 1_200_000n,
    direction: 'discount' as const,
    amount: 36_000n,
    issued: '2025-07-01',
    maturity: '2028-06-30',
    repayments: [
      { amount: 400_000n, date: '2026-03-10' },
      { amount: 800_000n, date: '2027-09-30' },
    ],
  };

  it('books the discount beside the face value at issue', () => {
    expect(sides([bondIssue({ entity: 'GEN', face: 1_200_000n, proceeds: 1_164_000n })])).toEqual([
      ['Dr 1101 1164000', 'Dr 2202 36000', 'Cr 2201 1200000'],
    ]);
  });

  it('charges the scheduled amortisation and, in a repayment year, the repaid part’s remainder as a second entry', () => {
    const years = [2025, 2026, 2027, 2028].map((year) => sides(issueDifferenceAmortisation({ ...bond, year })));
    expect(years).toEqual([
      [['Dr 5301 6000', 'Cr 2202 6000']],
      [
        ['Dr 5301 9000', 'Cr 2202 9000'],
        ['Dr 5301 9000', 'Cr 2202 9000'],
      ],
      [
        ['Dr 5301 6000', 'Cr 2202 6000'],
        ['Dr 5301 6000', 'Cr 2202 6000'],
      ],
      [],
    ]);
  });

  it('refuses repayments beyond the face value', () => {
    expect(() =>
      issueDifferenceAmortisation({ ...bond, repayments: [...bond.repayments, { amount: 1n, date: '2027-12-01' }], year: 2027 }),
    ).toThrow(/exceed the face value/);
  });
});

describe('할증발행 (제54조②: the premium released from 이자비용)', () => {
  /*
   * Face 1,000,000 issued 2026-04-01 at 1,024,000: premium 24,000 over 2026-04 … 2028-03 (24 months), held to
   * maturity: 2026 9 months 9,000; 2027 12,000; 2028 3,000 (= 24,000). The 수납 posted 1,024,000 on
   * 지방채증권; the issue year's 결산정리 brings it to face: Dr 2201 / Cr 2204 24,000.
   */
  const books = (year: number): AdjustmentBooks => ({ year, balances: new Map(), register: [] });
  const premiumBond: BondDiscount = {
    fund: 'GEN',
    debtId: 'LB-P',
    premium: 24_000,
    issued: '2026-04-01',
    maturity: '2028-03-31',
    face: 1_000_000,
    repayments: [],
  };

  it('books the premium beside the face value at issue', () => {
    expect(sides([bondIssue({ entity: 'GEN', face: 1_000_000n, proceeds: 1_024_000n })])).toEqual([
      ['Dr 1101 1024000', 'Cr 2204 24000', 'Cr 2201 1000000'],
    ]);
  });

  it('brings 지방채증권 to face in the issue year and releases the premium by months', () => {
    const entries = (year: number) => {
      const result = yearEndAdjustment({ kind: 'discount-amortisation', bonds: [premiumBond] }, books(year));
      if ('code' in result) throw new Error(result.detail);
      return sides(result.entries);
    };
    expect(entries(2026)).toEqual([
      ['Dr 2201 24000', 'Cr 2204 24000'],
      ['Dr 2204 9000', 'Cr 5301 9000'],
    ]);
    expect(entries(2027)).toEqual([['Dr 2204 12000', 'Cr 5301 12000']]);
    expect(entries(2028)).toEqual([['Dr 2204 3000', 'Cr 5301 3000']]);
  });

  it('refuses a bond given both a discount and a premium, or neither', () => {
    for (const bond of [
      { ...premiumBond, discount: 1_000 },
      { ...premiumBond, premium: undefined },
    ]) {
      expect(yearEndAdjustment({ kind: 'discount-amortisation', bonds: [bond] }, books(2026))).toMatchObject({
        code: 'adjustment-not-possible',
      });
    }
  });
});

describe('발행차금 amortisation, any bond and repayments', () => {
  it('charges over the years exactly the 차금, whatever the repayments (property)', () => {
    const month = (n: number) => `${2020 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-15`;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 150 })), { maxLength: 5 }),
        fc.constantFrom('discount' as const, 'premium' as const),
        (face, months, parts, direction) => {
          const amount = BigInt(Math.max(1, Math.floor(face / 7)));
          const weights = parts.reduce((sum, [w]) => sum + w, 0);
          const repayments = parts.map(([w, at]) => ({ amount: (BigInt(face) * BigInt(w)) / BigInt(weights + 1), date: month(at) }));
          const bond = {
            entity: 'GEN',
            face: BigInt(face),
            direction,
            amount,
            issued: month(0),
            maturity: month(months - 1),
            repayments: repayments.filter((r) => r.amount > 0n),
          };
          let total = 0n;
          for (let year = 2020; year <= 2033; year++)
            for (const e of issueDifferenceAmortisation({ ...bond, year })) {
              expect(e.lines[0]!.debit).toBe(e.lines[1]!.credit);
              total += e.lines[0]!.debit;
            }
          expect(total).toBe(amount);
        },
      ),
    );
  });
});

describe('the 결산정리 request of a bond (shared/schemas/accounting.ts)', () => {
  it('takes either a discount or a premium, not both and not neither', () => {
    const body = (bond: object) => ({ kind: 'discount-amortisation', bonds: [{ fund: 'GEN', debtId: 'LB-1', ...bond }] });
    expect(adjustingEntriesBody.safeParse(body({ discount: 60_000 })).success).toBe(true);
    expect(adjustingEntriesBody.safeParse(body({ premium: 24_000 })).success).toBe(true);
    expect(adjustingEntriesBody.safeParse(body({ discount: 1, premium: 1 })).success).toBe(false);
    expect(adjustingEntriesBody.safeParse(body({})).success).toBe(false);
  });
});
