import { describe, expect, it } from 'vitest';
import { interestLawOf, refundInterest } from '#shared/domain/execution/year-two/refund-interest.ts';
import { basicRefundRates } from '#shared/domain/execution/year-two/refund-interest-rates.ts';

/**
 * 과오납금 이자 (지방회계법 제28조②, 시행령 제31조) and 지방세환급가산금 (지방세기본법 제62조, 시행령 제43조)
 * at their date edges, on the dated 기본이자율 table (국세기본법 시행규칙 제19조의3). 36,500,000 won makes one
 * day at 연 1천분의 N exactly 100 × N won.
 */
const AMOUNT = 36_500_000;
const computed = (result: ReturnType<typeof refundInterest>) => {
  if (result.kind !== 'computed') throw new Error(`not computed: ${result.kind}`);
  return result;
};

describe('the dated rate table', () => {
  it('is ordered and holds the rate read for 2025-03-21 (연 1천분의 31)', () => {
    const days = basicRefundRates.map((r) => r.from);
    expect([...days].sort()).toEqual(days);
    expect(basicRefundRates.at(-1)).toMatchObject({ from: '2025-03-21', perMille: 31 });
  });
});

describe('과오납금 이자 (지방회계법 시행령 제31조)', () => {
  const paidOn = (from: string) => ({ ground: 'erroneous-payment' as const, from });

  it('runs from the day after payment: none on the day itself, one day the next', () => {
    expect(computed(refundInterest(AMOUNT, paidOn('2026-03-02'), '2026-03-02'))).toMatchObject({ days: 0, interest: 0 });
    expect(computed(refundInterest(AMOUNT, paidOn('2026-03-02'), '2026-03-03'))).toMatchObject({
      days: 1,
      interest: 3_100,
      runsFrom: '2026-03-03',
    });
  });

  it('crosses 31 December into the next year at the same rate (31 Dec + 1 Jan = 2 days)', () => {
    expect(computed(refundInterest(AMOUNT, paidOn('2026-12-30'), '2027-01-01'))).toMatchObject({ days: 2, interest: 6_200 });
  });

  it('splits a period across an amendment: 20 March 2025 at 35, 21–22 March at 31 (부칙 제1122호 제3조)', () => {
    const result = computed(refundInterest(AMOUNT, paidOn('2025-03-19'), '2025-03-22'));
    expect(result).toMatchObject({ days: 3, interest: 3_500 + 2 * 3_100 });
    expect(result.rates.map((r) => [r.from, r.perMille, r.days])).toEqual([
      ['2024-03-22', 35, 1],
      ['2025-03-21', 31, 2],
    ]);
  });

  it('refuses a date after the refund and a period before the table', () => {
    expect(refundInterest(AMOUNT, paidOn('2026-03-03'), '2026-03-02')).toMatchObject({ kind: 'after-refund' });
    expect(refundInterest(AMOUNT, paidOn('2014-03-12'), '2014-03-20')).toMatchObject({
      kind: 'rate-unknown',
      runsFrom: '2014-03-13',
      firstRateDay: '2014-03-14',
    });
    // From the table's first day it is known: 13 March paid, interest from 14 March at 29.
    expect(computed(refundInterest(AMOUNT, paidOn('2014-03-13'), '2014-03-14'))).toMatchObject({ days: 1, interest: 2_900 });
  });
});

describe('지방세환급가산금 (지방세기본법 제62조, 시행령 제43조)', () => {
  it('applies to 지방세 lines (세입 과목 1) only', () => {
    expect(interestLawOf('1-1')).toBe('local-tax');
    expect(interestLawOf('1')).toBe('local-tax');
    expect(interestLawOf('2-1')).toBe('local-accounting');
  });

  it('제43조①5: a refund claim runs from the day after 30 days have passed since the filing', () => {
    const filed = { ground: 'local-tax-return' as const, from: '2026-03-02' };
    // 2 March + 30 days = 1 April; interest from 2 April. Refunded on 1 April: nothing yet (not refused).
    expect(computed(refundInterest(AMOUNT, filed, '2026-04-01'))).toMatchObject({ days: 0, interest: 0, runsFrom: '2026-04-02' });
    expect(computed(refundInterest(AMOUNT, filed, '2026-04-02'))).toMatchObject({ days: 1, interest: 3_100 });
  });

  it('제43조② 단서: 1.5 times the rate when paid 40 days or more after the appeal became final', () => {
    const appealed = { ground: 'local-tax-erroneous-payment' as const, from: '2026-01-01', appealFinalOn: '2026-01-10' };
    // 2 Jan … 18 Feb = 48 days; paid on day 39 after the final decision: the base rate.
    expect(computed(refundInterest(AMOUNT, appealed, '2026-02-18'))).toMatchObject({ days: 48, interest: 48 * 3_100, multiplier: 1 });
    // 19 Feb is day 40: 49 days × 3,100 × 1.5.
    expect(computed(refundInterest(AMOUNT, appealed, '2026-02-19'))).toMatchObject({
      days: 49,
      interest: (49 * 3_100 * 3) / 2,
      multiplier: 1.5,
    });
  });
});
