import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLineChanges, checkBalance, sumWon, totalsOf } from '#shared/domain/budget/totals.ts';

describe('exact totals', () => {
  it('sums 243 governments beyond 2^53 exactly, where floating point would not', () => {
    const each = 51_500_000_000_001; // about 서울특별시's 2026 budget, safe on its own
    const totals = Array.from({ length: 243 }, () => String(each));
    const exact = 12_514_500_000_000_243n;
    expect(exact > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(sumWon(totals)).toBe(exact);
    expect(BigInt(totals.reduce((sum, t) => sum + Number(t), 0))).not.toBe(exact);
  });

  it('agrees with a decimal oracle for any list of safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat(), { maxLength: 300 }), (amounts) => {
        const expected = amounts.reduce((sum, a) => sum + BigInt(a), 0n);
        expect(sumWon(amounts.map(String))).toBe(expected);
        expect(totalsOf(amounts.map((amount) => ({ kind: 'expenditure' as const, amount }))).expenditure).toBe(expected);
      }),
    );
  });

  it('moves totals by the difference of replaced lines', () => {
    const before = totalsOf([
      { kind: 'expenditure', amount: 100 },
      { kind: 'revenue', amount: 100 },
    ]);
    const after = applyLineChanges(before, [
      { before: { kind: 'expenditure', amount: 100 }, after: { kind: 'expenditure', amount: 70 } },
      { after: { kind: 'revenue', amount: 5 } },
      { before: { kind: 'revenue', amount: 100 } },
    ]);
    expect(after).toEqual({ expenditure: 70n, revenue: 5n });
  });

  it('reports the difference of an unbalanced budget', () => {
    expect(checkBalance({ expenditure: 100n, revenue: 90n })).toEqual({
      balanced: false,
      expenditure: 100n,
      revenue: 90n,
      difference: -10n,
    });
    expect(checkBalance({ expenditure: 2n ** 60n, revenue: 2n ** 60n }).balanced).toBe(true);
  });
});
