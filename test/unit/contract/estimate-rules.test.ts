import { describe, expect, it } from 'vitest';
import { estimateRefusal, settle, settleableOf } from '#shared/domain/estimate/estimate.ts';
import type { EstimatedPayment } from '#shared/domain/estimate/estimate.ts';

const estimate: EstimatedPayment = {
  gov: '11000',
  year: 2026,
  estimateId: 'EST-1',
  case: 2,
  payee: '법무법인',
  purpose: '소송비용',
  amount: 5_000_000,
  paidOn: '2026-04-01',
  revision: 1,
};

describe('개산급 (회계령 §45)', () => {
  it.each([
    [1, undefined],
    [2, undefined],
    [5, undefined],
    [6, undefined],
    [0, 'estimate-case-not-listed'],
    [7, 'estimate-case-not-listed'],
  ] as const)('case %i', (value, code) => {
    expect(estimateRefusal({ case: value })?.code).toBe(code);
  });

  it.each([
    ['costing more: the difference is paid', 6_200_000, { kind: 'pay', amount: 1_200_000 }],
    ['costing less: the difference is returned', 4_000_000, { kind: 'return', amount: 1_000_000 }],
    ['costing nothing: all is returned', 0, { kind: 'return', amount: 5_000_000 }],
    ['costing the estimate: nothing moves', 5_000_000, { kind: 'none', amount: 0 }],
  ] as const)('settles %s', (_name, actual, difference) => {
    const outcome = settle(estimate, '2026-09-01', actual);
    expect('settlement' in outcome && outcome.settlement).toEqual({ settledOn: '2026-09-01', actual, difference });
  });

  it('settles once', () => {
    const settled = {
      ...estimate,
      settlement: { settledOn: '2026-09-01', actual: 1, difference: { kind: 'return' as const, amount: 4_999_999 } },
    };
    const outcome = settle(settled, '2026-09-02', 5_000_000);
    expect('refusal' in outcome && outcome.refusal.code).toBe('estimate-settled');
  });

  it.each([
    ['nothing before its own 정산', undefined, 0],
    ['the actual cost when under the estimate (the rest is returned)', 3_000_000, 3_000_000],
    ['the estimate when the actual cost is over it (the difference is paid by another order)', 6_000_000, 5_000_000],
  ] as const)('lets the postings settle %s', (_name, actual, settleable) => {
    const difference = { kind: 'none' as const, amount: 0 };
    const record = actual === undefined ? estimate : { ...estimate, settlement: { settledOn: '2026-09-01', actual, difference } };
    expect(settleableOf(record)).toBe(settleable);
  });
});
