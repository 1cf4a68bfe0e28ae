import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlyRepayments, issueDifferenceAmortisation } from '#shared/domain/accounting/adjustments.ts';
import { effectiveInterestProfile, monthIndex } from '#shared/domain/accounting/effective-interest.ts';
import { repaymentSchedule } from '#shared/domain/debt/schedule.ts';
import { bondIssue } from '#shared/domain/accounting/bond-issue.ts';
import type { JournalEntry } from '#shared/domain/accounting/journal.ts';
import { yearEndAdjustment } from '#shared/domain/accounting/year-end-adjustments.ts';
import { adjustingEntriesBody } from '#shared/schemas/accounting.ts';
import type { AdjustmentBooks, BondDiscount } from '#shared/domain/accounting/year-end-adjustments.ts';

/**
 * 지방채 발행차금 (회계기준규칙 제54조): carried at face with the 할인 or 할증 발행차금 beside it (①), written
 * off into 이자비용 or released from it by the effective-interest method from issue to the final repayment
 * (②), the repaid part's remainder at once on an early repayment. Every figure below is computed by hand
 * (the rates with 50-digit decimals, apart from the code: present value of the flows = issue price).
 */
const sides = (entries: readonly JournalEntry[]) =>
  entries.map((e) => e.lines.map((l) => `${l.debit > 0n ? 'Dr' : 'Cr'} ${l.account} ${l.debit + l.credit}`));

describe('할인발행 repaid in installments and once early (제54조②: 유효이자율법 until each part’s 최종 상환)', () => {
  /*
   * Face 1,200,000 issued 2025-07-01 at 1,164,000: discount 36,000. Register schedule (원금균등, 3 × 400,000 a
   * year, 3.00% actual/365): 2026-06-30 400,000 + 35,901 (364 days on 1,200,000), 2027-06-30 400,000 + 24,000,
   * 2028-06-30 400,000 + 12,032 (366 days on 400,000). Months 1–12, 13–24, 25–36 accrue 35,901/12, 24,000/12,
   * 12,032/12 of 표면이자 each.
   * The effective monthly rate i solves 1,164,000 = Σ flows/(1+i)^t: i = 0.0038176336604596 (computed apart with
   * 50-digit decimals). The 차금 left after month t (outstanding − carrying, carrying_t = carrying_{t−1}(1+i) −
   * flows_t): t=6 (2025-12) 27,204.575; t=18 (2026-12) 12,241.457; t=21 (2027-03) 9,207.784; t=30 (2027-12) 3,104.705.
   * Repayments: 400,000 on 2026-06-30 (on schedule), 400,000 on 2027-03-10 (early: 800,000 outstanding, half of
   * it), 200,000 on 2027-06-30 and 200,000 on 2028-06-30 (the halved schedule).
   *   through 2025: 36,000 − 27,204.575 = 8,795.425 → 8,795
   *   through 2026: 36,000 − 12,241.457 = 23,758.543 → 23,759: 2026 charge 14,964
   *   2027: early write-off 9,207.784 × ½ = 4,603.892 → 4,604; through 2027: 36,000 − 3,104.705 × ½ = 34,447.648 →
   *         34,448: charge 10,689 = scheduled 6,085 + written off 4,604
   *   2028: the final repayment: 36,000 − 34,448 = 1,552. Total 8,795 + 14,964 + 10,689 + 1,552 = 36,000.
   */
  const bond = {
    entity: 'GEN',
    face: 1_200_000n,
    direction: 'discount' as const,
    amount: 36_000n,
    issued: '2025-07-01',
    schedule: [
      { dueDate: '2026-06-30', principal: 400_000, interest: 35_901 },
      { dueDate: '2027-06-30', principal: 400_000, interest: 24_000 },
      { dueDate: '2028-06-30', principal: 400_000, interest: 12_032 },
    ],
    repayments: [
      { amount: 400_000n, date: '2026-06-30' },
      { amount: 400_000n, date: '2027-03-10' },
      { amount: 200_000n, date: '2027-06-30' },
      { amount: 200_000n, date: '2028-06-30' },
    ],
  };

  it('books the discount beside the face value at issue', () => {
    expect(sides([bondIssue({ entity: 'GEN', face: 1_200_000n, proceeds: 1_164_000n })])).toEqual([
      ['Dr 1101 1164000', 'Dr 2202 36000', 'Cr 2201 1200000'],
    ]);
  });

  it('finds the effective rate from the issue price and the schedule', () => {
    const profile = effectiveInterestProfile({ issued: bond.issued, direction: 'discount', difference: 36_000n, schedule: bond.schedule });
    expect(profile.monthlyRate).toBeCloseTo(0.0038176336604596, 13);
    expect(36_000 * (1 - profile.writtenOffBy(monthIndex('2025-12-01')))).toBeCloseTo(27_204.575, 3);
    expect(profile.writtenOffBy(monthIndex('2025-06-01'))).toBe(0);
    expect(profile.writtenOffBy(monthIndex('2028-06-01'))).toBe(1);
  });

  it('charges the effective-interest amortisation and, in the early repayment’s year, the repaid part’s remainder', () => {
    const years = [2025, 2026, 2027, 2028, 2029].map((year) => sides(issueDifferenceAmortisation({ ...bond, year })));
    expect(years).toEqual([
      [['Dr 5301 8795', 'Cr 2202 8795']],
      [['Dr 5301 14964', 'Cr 2202 14964']],
      [
        ['Dr 5301 6085', 'Cr 2202 6085'],
        ['Dr 5301 4604', 'Cr 2202 4604'],
      ],
      [['Dr 5301 1552', 'Cr 2202 1552']],
      [],
    ]);
  });

  it('finds no early part in repayments on (or behind) the schedule', () => {
    expect(earlyRepayments(bond.repayments, bond.schedule)).toEqual([{ amount: 400_000n, date: '2027-03-10' }]);
    expect(earlyRepayments([{ amount: 300_000n, date: '2026-07-15' }], bond.schedule)).toEqual([]);
  });

  it('refuses repayments beyond the face value, and a schedule that does not repay the face', () => {
    expect(() =>
      issueDifferenceAmortisation({ ...bond, repayments: [...bond.repayments, { amount: 1n, date: '2027-12-01' }], year: 2027 }),
    ).toThrow(/exceed the face value/);
    expect(() => issueDifferenceAmortisation({ ...bond, schedule: bond.schedule.slice(1), year: 2027 })).toThrow(/not the face value/);
  });
});

describe('월할: the 차금 is spread by months, not days (effective-interest.ts: 제54조② fixes no day count)', () => {
  /*
   * Face 1,000,000 issued in 2026-07 at 990,000: discount 10,000; bullet due in 2027-06 with 표면이자 30,000, spread
   * 2,500 over each of the 12 months. The effective monthly rate solves 990,000 = Σ_{t=1..12} 2,500/(1+i)^t +
   * 1,000,000/(1+i)^12: i = 0.0033515991915055596606 (computed apart with 50-digit decimals). Carrying after month 6
   * (2026-12) = 994,949.812: the 차금 left is 5,050.188, written off through 2026 10,000 − 5,050.188 = 4,949.812 → 4,950;
   * 2027 takes the rest, 5,050. Issued on the 1st or the 31st of July, repaid on the 1st or the 30th of June: the same.
   */
  const charges = (issued: string, dueDate: string) =>
    [2026, 2027].map((year) =>
      sides(
        issueDifferenceAmortisation({
          entity: 'GEN',
          face: 1_000_000n,
          direction: 'discount',
          amount: 10_000n,
          issued,
          schedule: [{ dueDate, principal: 1_000_000, interest: 30_000 }],
          repayments: [{ amount: 1_000_000n, date: dueDate }],
          year,
        }),
      ),
    );

  it('charges 4,950 in the issue year and 5,050 in the repayment year, whatever the days inside the months', () => {
    const expected = [[['Dr 5301 4950', 'Cr 2202 4950']], [['Dr 5301 5050', 'Cr 2202 5050']]];
    expect(charges('2026-07-01', '2027-06-30')).toEqual(expected);
    expect(charges('2026-07-31', '2027-06-01')).toEqual(expected);
  });
});

describe('할증발행 (제54조②: the premium released from 이자비용)', () => {
  /*
   * Face 1,000,000 issued 2026-04-01 at 1,024,000: premium 24,000; bullet at 2028-03-31 with 표면이자 100,000
   * (5.00% on 730 days), 100,000/24 a month over 24 months, held to maturity. Effective monthly rate
   * i = 0.0031271099983364 (1,024,000 = Σ flows/(1+i)^t); premium left (carrying − face) after 2026-12 (t=9)
   * 15,210.070, after 2027-12 (t=21) 3,099.266:
   *   2026: 24,000 − 15,210.070 = 8,789.930 → 8,790; 2027: 24,000 − 3,099.266 = 20,900.734 → 20,901, charge
   *   12,111; 2028: 24,000 − 20,901 = 3,099 (= 24,000 in all). The 수납 posted 1,024,000 on 지방채증권; the
   *   issue year's 결산정리 brings it to face: Dr 2201 / Cr 2204 24,000.
   */
  const books = (year: number): AdjustmentBooks => ({ year, balances: new Map(), register: [] });
  const premiumBond: BondDiscount = {
    fund: 'GEN',
    debtId: 'LB-P',
    premium: 24_000,
    issued: '2026-04-01',
    face: 1_000_000,
    schedule: [{ dueDate: '2028-03-31', principal: 1_000_000, interest: 100_000 }],
    repayments: [],
  };

  it('books the premium beside the face value at issue', () => {
    expect(sides([bondIssue({ entity: 'GEN', face: 1_000_000n, proceeds: 1_024_000n })])).toEqual([
      ['Dr 1101 1024000', 'Cr 2204 24000', 'Cr 2201 1000000'],
    ]);
  });

  it('brings 지방채증권 to face in the issue year and releases the premium by the effective rate', () => {
    const entries = (year: number) => {
      const result = yearEndAdjustment({ kind: 'discount-amortisation', bonds: [premiumBond] }, books(year));
      if ('code' in result) throw new Error(result.detail);
      return sides(result.entries);
    };
    expect(entries(2026)).toEqual([
      ['Dr 2201 24000', 'Cr 2204 24000'],
      ['Dr 2204 8790', 'Cr 5301 8790'],
    ]);
    expect(entries(2027)).toEqual([['Dr 2204 12111', 'Cr 5301 12111']]);
    expect(entries(2028)).toEqual([['Dr 2204 3099', 'Cr 5301 3099']]);
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
  it('charges over the years exactly the 차금, whatever the schedule and the repayments (property)', () => {
    const date = (n: number) => `${2020 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-15`;
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.oneof(
          fc.record({ method: fc.constant('bullet' as const), months: fc.integer({ min: 1, max: 120 }) }),
          fc.record({
            method: fc.constant('equal-principal' as const),
            installments: fc.integer({ min: 1, max: 10 }),
            intervalMonths: fc.integer({ min: 1, max: 12 }),
          }),
        ),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 150 })), { maxLength: 5 }),
        fc.constantFrom('discount' as const, 'premium' as const),
        fc.integer({ min: 2, max: 40 }),
        (face, rateBp, terms, parts, direction, divisor) => {
          const months = terms.method === 'bullet' ? terms.months : terms.installments * terms.intervalMonths;
          const made = repaymentSchedule({
            principal: face,
            rateBp,
            issueDate: date(0),
            maturityDate: date(months),
            ...terms,
          });
          if (!made.ok) return;
          const schedule = made.installments;
          const coupons = schedule.reduce((sum, p) => sum + p.interest, 0);
          // A premium beyond the whole 표면이자 has no effective rate (the issue price would buy a loss).
          const amount = BigInt(Math.max(1, Math.floor((direction === 'premium' ? Math.min(face, coupons) : face) / divisor)));
          if (amount >= BigInt(face)) return;
          const weights = parts.reduce((sum, [w]) => sum + w, 0);
          const repayments = parts
            .map(([w, at]) => ({ amount: (BigInt(face) * BigInt(w)) / BigInt(weights + 1), date: date(at) }))
            .filter((r) => r.amount > 0n);
          const bond = { entity: 'GEN', face: BigInt(face), direction, amount, issued: date(0), schedule, repayments };
          let total = 0n;
          for (let year = 2019; year <= 2034; year++)
            for (const e of issueDifferenceAmortisation({ ...bond, year })) {
              expect(e.lines[0]!.debit).toBe(e.lines[1]!.credit);
              expect(e.lines[0]!.debit).toBeGreaterThan(0n);
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
