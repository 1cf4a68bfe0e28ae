import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, repaymentSchedule } from '#shared/domain/debt/schedule.ts';
import type { ScheduleTerms } from '#shared/domain/debt/schedule.ts';

const terms = (overrides: Partial<ScheduleTerms>): ScheduleTerms => ({
  principal: 1_000_000_000,
  rateBp: 365,
  issueDate: '2026-03-31',
  maturityDate: '2031-03-31',
  method: 'equal-principal',
  installments: 10,
  intervalMonths: 6,
  ...overrides,
});

const installmentsOf = (input: ScheduleTerms) => {
  const result = repaymentSchedule(input);
  if (!result.ok) throw new Error(result.reason);
  return result.installments;
};

describe('repayment schedule', () => {
  it('pays a bullet loan at maturity with the interest of the whole term', () => {
    // 1,000,000,000 × 3.65% × 365 days / 365 = 36,500,000 (2027 has 365 days)
    const [only, ...rest] = installmentsOf(
      terms({ method: 'bullet', installments: undefined, intervalMonths: undefined, issueDate: '2026-03-31', maturityDate: '2027-03-31' }),
    );
    expect(rest).toEqual([]);
    expect(only).toEqual({ number: 1, dueDate: '2027-03-31', principal: 1_000_000_000, interest: 36_500_000, balanceAfter: 0 });
  });

  it('splits equal principal with the remainder on the first instalment, the last at maturity', () => {
    const schedule = installmentsOf(terms({ principal: 1_000_000_007, installments: 10 }));
    expect(schedule.map((i) => i.principal)).toEqual([100_000_007, ...Array(9).fill(100_000_000)]);
    expect(schedule.map((i) => i.dueDate)).toEqual([
      '2026-09-30',
      '2027-03-31',
      '2027-09-30',
      '2028-03-31',
      '2028-09-30',
      '2029-03-31',
      '2029-09-30',
      '2030-03-31',
      '2030-09-30',
      '2031-03-31',
    ]);
    expect(schedule.at(-1)?.balanceAfter).toBe(0);
    // First period 2026-03-31 → 2026-09-30: 183 days on 1,000,000,007 at 3.65%: ⌊1,000,000,007 × 365 × 183 / 3,650,000⌋
    expect(schedule[0]?.interest).toBe(18_300_000);
    // Second period 2026-09-30 → 2027-03-31, 182 days on 900,000,000: 16,380,000
    expect(schedule[1]?.interest).toBe(16_380_000);
  });

  it('always sums to the principal exactly and ends at zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(1000),
        (principal, count, interval, rateBp) => {
          fc.pre(count <= principal && count * interval < 1_190);
          const schedule = installmentsOf(
            terms({
              principal,
              installments: count,
              intervalMonths: interval,
              rateBp,
              issueDate: '2000-01-01',
              maturityDate: '2099-12-31',
            }),
          );
          expect(schedule).toHaveLength(count);
          expect(schedule.reduce((sum, i) => sum + BigInt(i.principal), 0n)).toBe(BigInt(principal));
          expect(schedule.at(-1)?.balanceAfter).toBe(0);
          const others = schedule.slice(1).map((i) => i.principal);
          expect(new Set(others).size).toBeLessThanOrEqual(1);
          expect((schedule[0]?.principal ?? 0) - (others[0] ?? schedule[0]?.principal ?? 0)).toBeLessThan(count);
          for (let i = 1; i < schedule.length; i += 1) expect(schedule[i]!.dueDate > schedule[i - 1]!.dueDate).toBe(true);
        },
      ),
    );
  });

  it.each([
    [{ maturityDate: '2026-03-31' }, 'after the issue date'],
    [{ installments: 20, intervalMonths: 6 }, 'first instalment would fall on 2021-09-30'],
    [{ principal: 5, installments: 10 }, 'cannot split 5 won'],
  ])('refuses %o', (overrides, reason) => {
    const result = repaymentSchedule(terms(overrides));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it.each([
    ['2030-08-31', -6, '2030-02-28'],
    ['2032-08-31', -6, '2032-02-29'],
    ['2030-01-15', -1, '2029-12-15'],
    ['2030-12-31', 2, '2031-02-28'],
  ])('%s plus %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
